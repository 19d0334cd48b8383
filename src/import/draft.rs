//! The plan as extracted, before it is written: every value with the doubts about it, which
//! the writer turns into "# kiểm tra lại: …" comments.

use crate::model::{Level, Role};

#[derive(Clone, Debug, Default)]
pub struct Noted {
    pub value: String,
    /// Why this value should be checked by a person (Vietnamese), if it should.
    pub doubt: Option<String>,
}

impl Noted {
    pub fn sure(value: impl Into<String>) -> Noted {
        Noted {
            value: value.into(),
            doubt: None,
        }
    }

    pub fn doubtful(value: impl Into<String>, doubt: impl Into<String>) -> Noted {
        Noted {
            value: value.into(),
            doubt: Some(doubt.into()),
        }
    }
}

#[derive(Clone, Debug, Default)]
pub struct Meta {
    pub number: Option<Noted>,
    pub kind: Option<&'static str>,
    pub title: Option<Noted>,
    pub issuer: Option<Noted>,
    pub province: Option<Noted>,
    pub place: Option<Noted>,
    pub issued: Option<Noted>,
    pub period: Option<Noted>,
    pub implements: Vec<String>,
    pub basis: Vec<String>,
    pub signer: Option<(String, Option<String>)>,
    pub recipients: Vec<String>,
    pub source: String,
}

#[derive(Clone, Debug, PartialEq)]
pub enum TargetOut {
    One(String),
    ByLevel(Vec<(Level, String)>),
}

#[derive(Clone, Debug)]
pub struct Indicator {
    /// A national indicator's id.
    pub reference: Option<String>,
    /// A local indicator's id.
    pub id: Option<String>,
    pub part_of: Option<String>,
    pub target: TargetOut,
    pub unit: Option<String>,
    /// What a head-count is out of ("trên tổng số khoảng 800 người"), as written.
    pub denominator: Option<String>,
    pub text: String,
    pub doubts: Vec<String>,
}

#[derive(Clone, Debug)]
pub struct TaskGroup {
    pub group: Option<String>,
    pub title: String,
    pub items: Vec<String>,
    pub doubt: Option<String>,
}

#[derive(Clone, Debug)]
pub struct Responsibility {
    pub agency: String,
    pub role: Role,
    pub tasks: Vec<String>,
    pub doubts: Vec<String>,
}

#[derive(Clone, Debug, Default)]
pub struct Reporting {
    pub every: Vec<&'static str>,
    pub to: Vec<String>,
    pub text: String,
}

#[derive(Clone, Debug, Default)]
pub struct Draft {
    pub meta: Meta,
    pub purpose: Vec<String>,
    pub requirements: Vec<String>,
    pub objectives: Vec<String>,
    pub indicators: Vec<Indicator>,
    pub tasks: Vec<TaskGroup>,
    pub budget: Option<String>,
    pub responsibilities: Vec<Responsibility>,
    pub reporting: Option<Reporting>,
    /// Paragraphs that went nowhere, for the summary.
    pub left_out: Vec<String>,
}
