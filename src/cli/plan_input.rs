//! Loading plans for the report commands, and writing their output: errors are reported
//! once here, the same way for every command (located frames on stderr, exit status 2).

use super::Context;
use crate::compile::CompiledPlan;
use crate::pipeline::{self, Loaded};
use std::path::Path;

/// Reads and compiles one plan. A plan that does not parse is reported and yields `Err(2)`.
pub fn load<'r>(ctx: &'r Context, path: &Path) -> Result<Box<CompiledPlan<'r>>, i32> {
    match pipeline::read_plan(path, ctx.reference, ctx.lang) {
        Err(u) => {
            eprintln!("kehoach: {}: {}", u.name, u.reason);
            Err(2)
        }
        Ok(Loaded::Failed(source, f)) => {
            eprint!("{}", ctx.human().file(&source, std::slice::from_ref(&f)));
            Err(2)
        }
        Ok(Loaded::Invalid(source, findings)) => {
            eprint!("{}", ctx.human().file(&source, &findings));
            Err(2)
        }
        Ok(Loaded::Compiled(plan)) => Ok(plan),
    }
}
