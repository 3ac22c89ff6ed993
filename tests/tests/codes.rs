//! Every diagnostic code declared in the core is documented in `docs/codes.md`.

use std::path::Path;

fn sources(dir: &Path, out: &mut Vec<String>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            sources(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(std::fs::read_to_string(&p).unwrap());
        }
    }
}

#[test]
fn every_code_is_in_the_catalogue() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    sources(&root.join("core/src"), &mut files);
    let docs = std::fs::read_to_string(root.join("docs/codes.md")).unwrap();
    let mut codes = Vec::new();
    for f in &files {
        // Declarations outside test modules only.
        let body = f.split("#[cfg(test)]").next().unwrap_or("");
        for part in body.split("Code::new(\"").skip(1) {
            if let Some(code) = part.split('"').next() {
                codes.push(code.to_string());
            }
        }
    }
    assert!(codes.len() >= 10, "found only {} codes", codes.len());
    let missing: Vec<_> = codes
        .iter()
        .filter(|c| !docs.contains(&format!("`{c}`")))
        .collect();
    assert!(
        missing.is_empty(),
        "codes missing from docs/codes.md: {missing:?}"
    );
}
