//! Reference data: national programmes, agencies and provinces, loaded from `schemas/`.
//!
//! The bundled files are compiled into the binary so kehoach works from any directory;
//! `--programme FILE` replaces the programme with another file of the same shape.

mod agencies;
mod match_keys;
mod programme;
mod provinces;
mod reforms;

pub use agencies::{Agency, AgencyRegistry};
pub(crate) use match_keys::with_match_key;
pub use programme::{
    AgencyRequirement, Basis, Binds, NationalIndicator, PracticePlan, Programme, Requirement,
    SecondPart, TaskGroupDef, TextStatus, TwoLevelForm,
};
pub use provinces::{Province, ProvinceRegistry};
pub use reforms::{
    Branch, LegalBasis, LevelChange, ProgrammeStatus, ProvinceChange, ProvinceChangeKind, Reforms,
};

use crate::i18n::Lang;
use crate::load::{self, LoadFailure};
use crate::source::SourceFile;
use std::path::Path;
use std::sync::{Arc, OnceLock};

pub const BUNDLED_PROGRAMME: &str = include_str!("../../schemas/1629-qd-ttg.yaml");
pub const BUNDLED_AGENCIES: &str = include_str!("../../schemas/agencies.yaml");
pub const BUNDLED_PROVINCES: &str = include_str!("../../schemas/provinces.yaml");
pub const BUNDLED_REFORMS: &str = include_str!("../../schemas/reforms.yaml");

pub struct Reference {
    pub programmes: Vec<Programme>,
    pub agencies: AgencyRegistry,
    pub provinces: ProvinceRegistry,
    /// What changed when: legal bases, expired programmes, abolished levels.
    pub reforms: Reforms,
    /// A hash of the files this data was read from, so cached findings are tied to it.
    pub fingerprint: String,
}

fn bundled_source(name: &str, text: &'static str) -> SourceFile {
    SourceFile {
        name: format!("schemas/{name} (bundled)"),
        text: Arc::from(text),
    }
}

impl Reference {
    /// The data compiled into the binary. Its validity is a test, so a failure here is a bug.
    pub fn bundled() -> &'static Reference {
        static CELL: OnceLock<Reference> = OnceLock::new();
        CELL.get_or_init(|| {
            let agencies =
                load::parse(&bundled_source("agencies.yaml", BUNDLED_AGENCIES), Lang::En)
                    .expect("bundled agencies.yaml is valid");
            let provinces = load::parse(
                &bundled_source("provinces.yaml", BUNDLED_PROVINCES),
                Lang::En,
            )
            .expect("bundled provinces.yaml is valid");
            let programme = load::parse(
                &bundled_source("1629-qd-ttg.yaml", BUNDLED_PROGRAMME),
                Lang::En,
            )
            .expect("bundled programme is valid");
            let reforms = load::parse(&bundled_source("reforms.yaml", BUNDLED_REFORMS), Lang::En)
                .expect("bundled reforms.yaml is valid");
            Reference {
                programmes: vec![
                    Programme::from_file(programme).expect("bundled programme targets are valid"),
                ],
                agencies: AgencyRegistry::new(agencies),
                provinces: ProvinceRegistry::new(provinces),
                reforms: Reforms::new(reforms),
                fingerprint: crate::fingerprint::hash(
                    [
                        BUNDLED_PROGRAMME,
                        BUNDLED_AGENCIES,
                        BUNDLED_PROVINCES,
                        BUNDLED_REFORMS,
                    ]
                    .join("\0")
                    .as_bytes(),
                ),
            }
        })
    }

    /// The bundled agencies and provinces with the programme read from `path`.
    pub fn with_programme(path: &Path, lang: Lang) -> Result<Reference, LoadFailure> {
        match load::read_source_as(path, load::Budget::Programme, lang) {
            Err(u) => Err(LoadFailure::Unreadable(u)),
            Ok(Err(b)) => Err(LoadFailure::Invalid(Box::new(b.0), Box::new(b.1))),
            Ok(Ok(src)) => Reference::with_programme_source(src, lang),
        }
    }

    /// The bundled agencies and provinces with the programme in `src` (already read; the
    /// fuzzing harness comes in here).
    pub fn with_programme_source(src: SourceFile, lang: Lang) -> Result<Reference, LoadFailure> {
        let base = Reference::bundled();
        let file = match load::parse(&src, lang) {
            Ok(f) => f,
            Err(f) => return Err(LoadFailure::Invalid(Box::new(src), f)),
        };
        let fingerprint = crate::fingerprint::hash(
            [&base.fingerprint, src.name.as_str(), &src.text]
                .join("\0")
                .as_bytes(),
        );
        let programme =
            Programme::from_file(file).map_err(|f| LoadFailure::Invalid(Box::new(src), f))?;
        Ok(Reference {
            programmes: vec![programme],
            agencies: base.agencies.clone(),
            provinces: base.provinces.clone(),
            reforms: base.reforms.clone(),
            fingerprint,
        })
    }

    /// The programme a plan names (by id, alias, or an implementing document's number).
    pub fn programme(&self, name: &str) -> Option<&Programme> {
        let key = crate::text::match_key(name);
        self.programmes.iter().find(|p| p.name_keys.contains(&key))
    }
}
