//! Format version 1 of a plan (docs/plan-format.md). Field names are the YAML keys.

use serde::Deserialize;
/// A value and where it was written (see [`crate::source::Located`]).
pub type S<T> = crate::source::Located<T>;

#[derive(Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanFile {
    pub kehoach: S<u32>,
    pub plan: S<Meta>,
    #[serde(default)]
    pub purpose: Vec<String>,
    #[serde(default)]
    pub requirements: Vec<String>,
    #[serde(default)]
    pub objectives: Vec<String>,
    #[serde(default)]
    pub indicators: Option<S<Vec<S<IndicatorEntry>>>>,
    #[serde(default)]
    pub tasks: Vec<TaskGroup>,
    #[serde(default)]
    pub budget: Option<S<String>>,
    #[serde(default)]
    pub responsibilities: Option<S<Vec<S<Responsibility>>>>,
    #[serde(default)]
    pub reporting: Option<S<Reporting>>,
    #[serde(default)]
    pub waivers: Vec<S<Waiver>>,
}

#[derive(Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    #[serde(default)]
    pub number: Option<S<String>>,
    #[serde(default)]
    pub kind: Option<S<DocKind>>,
    #[serde(default)]
    pub title: Option<S<String>>,
    #[serde(default)]
    pub issuer: Option<S<String>>,
    pub province: S<String>,
    #[serde(default)]
    pub district: Option<S<String>>,
    #[serde(default)]
    pub place: Option<S<String>>,
    #[serde(default)]
    pub issued: Option<S<String>>,
    pub period: S<String>,
    #[serde(default)]
    pub implements: Vec<S<String>>,
    #[serde(default)]
    pub basis: Vec<S<String>>,
    #[serde(default)]
    pub parent: Option<S<String>>,
    #[serde(default)]
    pub previous: Option<S<String>>,
    #[serde(default)]
    pub signer: Option<Signer>,
    #[serde(default)]
    pub recipients: Vec<String>,
    #[serde(default)]
    pub source: Option<String>,
    /// How much of the document the YAML transcribes; absent means the whole of it.
    #[serde(default)]
    pub completeness: Option<S<Completeness>>,
}

/// `plan.completeness`: what is absent from an excerpt or a news summary is the source's
/// silence, not the plan's, so it is reported as one note instead of a warning per item.
#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Completeness {
    /// The whole signed document (toàn văn).
    #[default]
    #[serde(alias = "toàn văn")]
    Full,
    /// Part of the document's text (trích).
    #[serde(alias = "trích", alias = "trích đoạn")]
    Excerpt,
    /// A summary, such as a news article about the plan (tóm tắt).
    #[serde(alias = "tóm tắt")]
    Summary,
}

#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DocKind {
    /// Kế hoạch (…/KH-UBND)
    KeHoach,
    /// Quyết định (…/QĐ-UBND)
    QuyetDinh,
}

#[derive(Debug, Default, PartialEq, Deserialize, Clone, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Signer {
    pub name: String,
    #[serde(default)]
    pub title: Option<String>,
}

#[derive(Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndicatorEntry {
    /// A national indicator's id.
    #[serde(default, rename = "ref")]
    pub reference: Option<S<String>>,
    /// A local indicator's id (no national counterpart).
    #[serde(default)]
    pub id: Option<S<String>>,
    /// For a local indicator that is one part of a national one (Hà Nội counts students by
    /// school type): the national id it contributes to.
    #[serde(default)]
    pub part_of: Option<S<String>>,
    #[serde(default)]
    pub target: Option<S<TargetField>>,
    #[serde(default)]
    pub unit: Option<String>,
    #[serde(default)]
    pub denominator: Option<S<String>>,
    #[serde(default)]
    pub deadline: Option<S<String>>,
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

/// `target:` is a scalar ("> 70%", 25.000) or a map of levels to scalars.
#[derive(Debug, PartialEq)]
pub enum TargetField {
    Text(String),
    /// A plain YAML number. Its text is taken from the source through the span, because YAML
    /// reads `25.000` as 25.0 where a Vietnamese writer means twenty-five thousand.
    Number,
    ByLevel(Vec<(S<String>, S<String>)>),
}

impl<'de> Deserialize<'de> for TargetField {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = TargetField;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a target (\"> 70%\") or a map of levels (province, district, commune)")
            }
            fn visit_str<E>(self, v: &str) -> Result<TargetField, E> {
                Ok(TargetField::Text(v.to_string()))
            }
            fn visit_u64<E>(self, _: u64) -> Result<TargetField, E> {
                Ok(TargetField::Number)
            }
            fn visit_i64<E>(self, _: i64) -> Result<TargetField, E> {
                Ok(TargetField::Number)
            }
            fn visit_f64<E>(self, _: f64) -> Result<TargetField, E> {
                Ok(TargetField::Number)
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<TargetField, A::Error> {
                let mut levels = Vec::new();
                while let Some(k) = map.next_key::<S<String>>()? {
                    levels.push((k, map.next_value::<S<String>>()?));
                }
                Ok(TargetField::ByLevel(levels))
            }
        }
        d.deserialize_any(V)
    }
}

#[derive(Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TaskGroup {
    #[serde(default)]
    pub group: Option<S<String>>,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub items: Vec<String>,
}

#[derive(Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Responsibility {
    pub agency: S<String>,
    /// Further bodies the same numbered item names, with the same role and tasks: "10. Đài
    /// Phát thanh và Truyền hình tỉnh, Báo Nghệ An" stays one item of the document.
    #[serde(default)]
    pub also: Vec<S<String>>,
    #[serde(default)]
    pub role: Option<S<Role>>,
    #[serde(default)]
    pub tasks: Vec<String>,
}

/// Written in English or Vietnamese ("chủ trì", "phối hợp", "đề nghị"): see [`super::words`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// chủ trì
    Lead,
    /// phối hợp
    Coordinate,
    /// đề nghị (a body the committee cannot assign, only request)
    Requested,
}

#[derive(Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reporting {
    #[serde(default)]
    pub every: Vec<S<ReportEvery>>,
    #[serde(default)]
    pub to: Vec<S<String>>,
    #[serde(default)]
    pub text: Option<String>,
}

/// Written in English or Vietnamese ("hằng quý", "6 tháng", "đột xuất"): see [`super::words`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum ReportEvery {
    #[serde(rename = "monthly")]
    Monthly,
    #[serde(rename = "quarterly")]
    Quarterly,
    #[serde(rename = "6-months")]
    SixMonths,
    #[serde(rename = "yearly")]
    Yearly,
    #[serde(rename = "ad-hoc")]
    AdHoc,
}

#[derive(Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Waiver {
    pub rule: S<String>,
    #[serde(default, rename = "ref")]
    pub reference: Option<S<String>>,
    #[serde(default)]
    pub agency: Option<S<String>>,
    #[serde(default)]
    pub reason: Option<S<String>>,
}

impl<'de> Deserialize<'de> for Role {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        super::words::deserialize(d)
    }
}

impl<'de> Deserialize<'de> for ReportEvery {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        super::words::deserialize(d)
    }
}
