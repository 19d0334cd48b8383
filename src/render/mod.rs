//! `kehoach render`: the plan laid out as a Vietnamese administrative document (Nghị định
//! 30/2020/NĐ-CP layout: issuing body and national motto side by side, number, place and
//! date, title, numbered sections, recipients and signature). [`document`] builds the
//! layout from the compiled plan; [`markdown`] and [`html`] write it.

pub mod document;
pub mod docx;
pub mod html;
pub mod markdown;
