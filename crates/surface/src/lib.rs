//! The desktop app's command surface, defined once: the `#[tauri::command]` functions in the
//! shell's `src/commands/` modules and the `ShellEvent` impls in `src/events.rs`.
//!
//! From that one source this crate makes everything that used to be listed by hand:
//! - the `generate_handler!` list and the app manifest's command names (the shell's build
//!   script calls [`Surface::handler_rs`] and [`Surface::command_names`]);
//! - the main window's capability, one `allow-…` permission per command
//!   ([`Surface::capability_json`], committed as `src-tauri/capabilities/main.json`);
//! - a typed TypeScript function per command and a typed listener per event
//!   ([`Surface::typescript`], committed as `ui/src/lib/commands.ts`).
//!
//! It reads Rust source as text (syn), so it needs neither Tauri nor the app's types. Type
//! names are carried over as written: the TypeScript declarations of those types come from
//! ts-rs (`ui/src/lib/bindings.ts`), and the UI's type check fails if a name is missing there.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use quote::ToTokens;
use syn::{FnArg, GenericArgument, Item, ItemFn, PathArguments, ReturnType, Type};

/// Parameters the shell fills in itself; they never cross the wire.
const INJECTED: &[&str] = &["AppHandle", "State", "Cmd", "Window", "WebviewWindow", "Webview"];

/// Where the generated TypeScript lives, relative to the repository root.
pub const TYPESCRIPT_PATH: &str = "ui/src/lib/commands.ts";
/// Where the main window's capability lives, relative to the repository root.
pub const CAPABILITY_PATH: &str = "src-tauri/capabilities/main.json";
/// How to refresh both.
pub const REFRESH: &str = "UPDATE_BINDINGS=1 cargo test -p pitchbridge-surface";

#[derive(Debug)]
pub struct SurfaceError(pub String);

impl std::fmt::Display for SurfaceError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for SurfaceError {}

type Result<T> = std::result::Result<T, SurfaceError>;

fn fail<T>(message: impl Into<String>) -> Result<T> {
    Err(SurfaceError(message.into()))
}

/// One `#[tauri::command]`.
#[derive(Debug, Clone)]
pub struct Command {
    /// The file it is in (`launches` for `src/commands/launches.rs`).
    pub module: String,
    /// The Rust function's name, which is also the command's name on the wire.
    pub name: String,
    pub doc: Vec<String>,
    /// The parameters that cross the wire (not the shell's injected state or handle).
    pub params: Vec<Param>,
    /// What the UI receives: the `T` of `ApiResult<T>`, or the plain return type.
    pub returns: Type,
}

#[derive(Debug, Clone)]
pub struct Param {
    pub name: String,
    pub ty: Type,
}

/// One event the shell emits to the UI.
#[derive(Debug, Clone)]
pub struct Event {
    /// The Rust type implementing `ShellEvent` (`WorkspaceChanged`).
    pub ident: String,
    /// The name on the wire (`workspace-changed`).
    pub name: String,
    pub doc: Vec<String>,
    pub payload: Type,
}

#[derive(Debug, Clone)]
pub struct Surface {
    pub commands: Vec<Command>,
    pub events: Vec<Event>,
}

impl Surface {
    /// Reads the shell's `src/commands/*.rs` and `src/events.rs` (`shell_src` is the shell's
    /// `src` folder).
    pub fn read(shell_src: &Path) -> Result<Surface> {
        let mut files: Vec<PathBuf> = std::fs::read_dir(shell_src.join("commands"))
            .map_err(|e| SurfaceError(format!("{}: {e}", shell_src.join("commands").display())))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "rs"))
            .collect();
        files.sort();
        let mut commands = Vec::new();
        for file in &files {
            let module = file.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
            let source = read(file)?;
            commands.extend(commands_in(&module, &source).map_err(|e| SurfaceError(format!("{}: {e}", file.display())))?);
        }
        let events_file = shell_src.join("events.rs");
        let events = events_in(&read(&events_file)?).map_err(|e| SurfaceError(format!("{}: {e}", events_file.display())))?;
        Surface::new(commands, events)
    }

    /// Checks the surface is consistent: names unique, every type expressible in TypeScript.
    pub fn new(commands: Vec<Command>, events: Vec<Event>) -> Result<Surface> {
        let mut seen = BTreeSet::new();
        for c in &commands {
            if !seen.insert(c.name.clone()) {
                return fail(format!("the command `{}` is defined twice", c.name));
            }
        }
        let mut seen = BTreeSet::new();
        for e in &events {
            if !seen.insert(e.name.clone()) {
                return fail(format!("the event `{}` is defined twice", e.name));
            }
        }
        let surface = Surface { commands, events };
        surface.typescript()?;
        Ok(surface)
    }

    pub fn command_names(&self) -> Vec<String> {
        self.commands.iter().map(|c| c.name.clone()).collect()
    }

    /// The expression the shell passes to `invoke_handler`.
    pub fn handler_rs(&self) -> String {
        let mut out = String::from("tauri::generate_handler![\n");
        for c in &self.commands {
            let _ = writeln!(out, "    crate::commands::{}::{},", c.module, c.name);
        }
        out.push(']');
        out
    }

    /// The main window's capability: listening to events and every command, nothing else.
    pub fn capability_json(&self) -> String {
        let mut permissions = vec!["core:event:allow-listen".to_string(), "core:event:allow-unlisten".to_string()];
        permissions.extend(self.commands.iter().map(|c| format!("allow-{}", c.name.replace('_', "-"))));
        let list: Vec<String> = permissions.iter().map(|p| format!("    \"{p}\"")).collect();
        format!(
            "{{\n  \"$schema\": \"../gen/schemas/desktop-schema.json\",\n  \"identifier\": \"main\",\n  \"description\": \"What the main window may do: the app's own commands and listening to its events. Generated by pitchbridge-surface from src/commands; do not edit.\",\n  \"windows\": [\n    \"main\"\n  ],\n  \"permissions\": [\n{}\n  ]\n}}\n",
            list.join(",\n")
        )
    }

    /// `ui/src/lib/commands.ts`: a typed function per command, a typed listener per event.
    pub fn typescript(&self) -> Result<String> {
        let mut names = BTreeSet::new();
        let mut body = String::new();
        let mut module = "";
        for c in &self.commands {
            if c.module != module {
                module = &c.module;
                let _ = write!(body, "// ---- {} {}\n\n", module.replace('_', " "), "-".repeat(90usize.saturating_sub(module.len())));
            }
            let params: Vec<String> = c
                .params
                .iter()
                .map(|p| Ok(format!("{}: {}", camel(&p.name), ts_type(&p.ty, &mut names)?)))
                .collect::<Result<_>>()
                .map_err(|e: SurfaceError| SurfaceError(format!("command `{}`: {e}", c.name)))?;
            let returns = ts_type(&c.returns, &mut names).map_err(|e| SurfaceError(format!("command `{}`: {e}", c.name)))?;
            let args = if c.params.is_empty() {
                String::new()
            } else {
                let fields: Vec<String> = c.params.iter().map(|p| camel(&p.name)).collect();
                format!(", {{ {} }}", fields.join(", "))
            };
            body.push_str(&jsdoc(&c.doc, ""));
            let _ = write!(
                body,
                "export function {}({}): Promise<{returns}> {{\n  return call<{returns}>(\"{}\"{args});\n}}\n\n",
                camel(&c.name),
                params.join(", "),
                c.name
            );
        }
        if !self.events.is_empty() {
            body.push_str("// ---- events from the shell -------------------------------------------------------------\n\n");
        }
        for e in &self.events {
            let payload = ts_type(&e.payload, &mut names).map_err(|err| SurfaceError(format!("event `{}`: {err}", e.name)))?;
            body.push_str(&jsdoc(&e.doc, ""));
            if payload == "void" {
                let _ = write!(
                    body,
                    "export function on{}(handler: () => void): Promise<UnlistenFn> {{\n  return on<null>(\"{}\", () => handler());\n}}\n\n",
                    e.ident, e.name
                );
            } else {
                let _ = write!(
                    body,
                    "export function on{}(handler: (payload: {payload}) => void): Promise<UnlistenFn> {{\n  return on<{payload}>(\"{}\", handler);\n}}\n\n",
                    e.ident, e.name
                );
            }
        }
        let mut out = String::from(
            "// Generated from src-tauri/src/commands and src-tauri/src/events.rs by pitchbridge-surface.\n// Do not edit: change the Rust, then run `UPDATE_BINDINGS=1 cargo test -p pitchbridge-surface`.\n\n",
        );
        if !self.events.is_empty() {
            out.push_str("import type { UnlistenFn } from \"@tauri-apps/api/event\";\n");
        }
        if !names.is_empty() {
            out.push_str("import type {\n");
            for n in &names {
                let _ = writeln!(out, "  {n},");
            }
            out.push_str("} from \"./bindings\";\n");
        }
        out.push_str("import { call, on } from \"./ipc\";\n\n");
        out.push_str(&body);
        out.truncate(out.trim_end().len());
        out.push('\n');
        Ok(out)
    }
}

fn read(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|e| SurfaceError(format!("{}: {e}", path.display())))
}

fn parse(source: &str) -> Result<syn::File> {
    syn::parse_file(source).map_err(|e| SurfaceError(format!("not valid Rust: {e}")))
}

/// The `#[tauri::command]` functions of one module's source.
pub fn commands_in(module: &str, source: &str) -> Result<Vec<Command>> {
    let file = parse(source)?;
    let mut out = Vec::new();
    for item in &file.items {
        let Item::Fn(f) = item else { continue };
        if !is_command(f) {
            continue;
        }
        let name = f.sig.ident.to_string();
        if !matches!(f.vis, syn::Visibility::Public(_)) {
            return fail(format!("the command `{name}` must be `pub`"));
        }
        let mut params = Vec::new();
        for input in &f.sig.inputs {
            let FnArg::Typed(pt) = input else { return fail(format!("the command `{name}` cannot take `self`")) };
            if injected(&pt.ty) {
                continue;
            }
            let syn::Pat::Ident(id) = &*pt.pat else {
                return fail(format!("the command `{name}` has a parameter that is not a plain name"));
            };
            params.push(Param { name: id.ident.to_string(), ty: (*pt.ty).clone() });
        }
        let returns = match &f.sig.output {
            ReturnType::Default => syn::parse_quote!(()),
            ReturnType::Type(_, t) => ok_type(t).unwrap_or_else(|| (**t).clone()),
        };
        out.push(Command { module: module.to_string(), name, doc: doc_of(&f.attrs), params, returns });
    }
    Ok(out)
}

/// The `impl ShellEvent for X { const NAME: &str = "…"; type Payload = T; }` items of a source.
pub fn events_in(source: &str) -> Result<Vec<Event>> {
    let file = parse(source)?;
    let docs: std::collections::HashMap<String, Vec<String>> = file
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Struct(s) => Some((s.ident.to_string(), doc_of(&s.attrs))),
            _ => None,
        })
        .collect();
    let mut out = Vec::new();
    for item in &file.items {
        let Item::Impl(imp) = item else { continue };
        let Some((_, trait_path, _)) = &imp.trait_ else { continue };
        if trait_path.segments.last().map(|s| s.ident != "ShellEvent").unwrap_or(true) {
            continue;
        }
        let ident = imp.self_ty.to_token_stream().to_string();
        let mut name = None;
        let mut payload = None;
        for it in &imp.items {
            match it {
                syn::ImplItem::Const(c) if c.ident == "NAME" => {
                    if let syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(s), .. }) = &c.expr {
                        name = Some(s.value());
                    }
                }
                syn::ImplItem::Type(t) if t.ident == "Payload" => payload = Some(t.ty.clone()),
                _ => {}
            }
        }
        let (Some(name), Some(payload)) = (name, payload) else {
            return fail(format!("the event `{ident}` needs `const NAME: &str = \"…\"` and `type Payload`"));
        };
        out.push(Event { doc: docs.get(&ident).cloned().unwrap_or_default(), ident, name, payload });
    }
    Ok(out)
}

fn is_command(f: &ItemFn) -> bool {
    f.attrs.iter().any(|a| {
        let segments: Vec<String> = a.path().segments.iter().map(|s| s.ident.to_string()).collect();
        segments == ["tauri", "command"] || segments == ["command"]
    })
}

fn doc_of(attrs: &[syn::Attribute]) -> Vec<String> {
    attrs
        .iter()
        .filter(|a| a.path().is_ident("doc"))
        .filter_map(|a| match &a.meta {
            syn::Meta::NameValue(nv) => match &nv.value {
                syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(s), .. }) => Some(s.value().trim().to_string()),
                _ => None,
            },
            _ => None,
        })
        .collect()
}

fn jsdoc(lines: &[String], indent: &str) -> String {
    if lines.is_empty() {
        return String::new();
    }
    // Intra-doc links read as code in TypeScript.
    let text: Vec<String> = lines.iter().map(|l| l.replace("[`", "`").replace("`]", "`").replace("*/", "* /")).collect();
    if text.len() == 1 {
        return format!("{indent}/** {} */\n", text[0]);
    }
    let mut out = format!("{indent}/**\n");
    for l in text {
        if l.is_empty() {
            out.push_str(&format!("{indent} *\n"));
        } else {
            out.push_str(&format!("{indent} * {l}\n"));
        }
    }
    out.push_str(&format!("{indent} */\n"));
    out
}

fn last_segment(ty: &Type) -> Option<&syn::PathSegment> {
    match ty {
        Type::Path(p) => p.path.segments.last(),
        Type::Reference(r) => last_segment(&r.elem),
        _ => None,
    }
}

fn injected(ty: &Type) -> bool {
    last_segment(ty).is_some_and(|s| INJECTED.iter().any(|n| s.ident == n))
}

fn generic_args(seg: &syn::PathSegment) -> Vec<&Type> {
    match &seg.arguments {
        PathArguments::AngleBracketed(a) => a
            .args
            .iter()
            .filter_map(|g| match g {
                GenericArgument::Type(t) => Some(t),
                _ => None,
            })
            .collect(),
        _ => vec![],
    }
}

/// `T` for `ApiResult<T>` or `Result<T, E>`.
fn ok_type(ty: &Type) -> Option<Type> {
    let seg = last_segment(ty)?;
    if seg.ident == "ApiResult" || seg.ident == "Result" {
        generic_args(seg).first().map(|t| (*t).clone())
    } else {
        None
    }
}

/// The TypeScript for a Rust type as ts-rs writes it (`Config::with_large_int("number")`);
/// named types keep their names and are collected into `names` for the import.
pub fn ts_type(ty: &Type, names: &mut BTreeSet<String>) -> Result<String> {
    match ty {
        Type::Reference(r) => ts_type(&r.elem, names),
        Type::Paren(p) => ts_type(&p.elem, names),
        Type::Tuple(t) if t.elems.is_empty() => Ok("void".into()),
        Type::Tuple(t) => {
            let parts: Vec<String> = t.elems.iter().map(|e| ts_type(e, names)).collect::<Result<_>>()?;
            Ok(format!("[{}]", parts.join(", ")))
        }
        Type::Slice(s) => Ok(array_of(ts_type(&s.elem, names)?)),
        Type::Path(p) if p.qself.is_none() => {
            let seg = p.path.segments.last().ok_or_else(|| SurfaceError("an empty type path".into()))?;
            let ident = seg.ident.to_string();
            let args = generic_args(seg);
            match (ident.as_str(), args.as_slice()) {
                ("String" | "str" | "PathBuf" | "Path" | "char", []) => Ok("string".into()),
                ("bool", []) => Ok("boolean".into()),
                ("i8" | "i16" | "i32" | "i64" | "u8" | "u16" | "u32" | "u64" | "usize" | "isize" | "f32" | "f64" | "Id", []) => {
                    Ok("number".into())
                }
                ("Vec", [t]) => Ok(array_of(ts_type(t, names)?)),
                ("Option", [t]) => Ok(format!("{} | null", ts_type(t, names)?)),
                ("Box", [t]) => ts_type(t, names),
                (_, []) if ident.chars().next().is_some_and(|c| c.is_ascii_uppercase()) => {
                    names.insert(ident.clone());
                    Ok(ident)
                }
                _ => fail(format!("no TypeScript for `{}`", ty.to_token_stream())),
            }
        }
        _ => fail(format!("no TypeScript for `{}`", ty.to_token_stream())),
    }
}

fn array_of(element: String) -> String {
    if element.contains(' ') {
        format!("Array<{element}>")
    } else {
        format!("{element}[]")
    }
}

/// `pitch_id` → `pitchId`: Tauri's argument names, and the TypeScript function names.
pub fn camel(snake: &str) -> String {
    let mut out = String::with_capacity(snake.len());
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = !out.is_empty();
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ts(src: &str) -> String {
        let ty: Type = syn::parse_str(src).unwrap();
        ts_type(&ty, &mut BTreeSet::new()).unwrap()
    }

    #[test]
    fn rust_types_become_the_typescript_ts_rs_writes() {
        assert_eq!(ts("Vec<store::Reviewer>"), "Reviewer[]");
        assert_eq!(ts("Option<Vec<ExportOutcome>>"), "ExportOutcome[] | null");
        assert_eq!(ts("Vec<Option<String>>"), "Array<string | null>");
        assert_eq!(ts("Id"), "number");
        assert_eq!(ts("&str"), "string");
        assert_eq!(ts("()"), "void");
        assert_eq!(ts("(Id, bool)"), "[number, boolean]");
        let ty: Type = syn::parse_str("HashMap<String, Id>").unwrap();
        assert!(ts_type(&ty, &mut BTreeSet::new()).is_err());
    }

    #[test]
    fn camel_case_like_tauri() {
        assert_eq!(camel("pitch_id"), "pitchId");
        assert_eq!(camel("list_launches"), "listLaunches");
        assert_eq!(camel("search"), "search");
        assert_eq!(camel("first_frame_ms_ago"), "firstFrameMsAgo");
    }

    #[test]
    fn commands_are_found_with_their_wire_parameters_only() {
        let src = r#"
            /// Reads one.
            #[tauri::command]
            pub async fn get_launch(s: Cmd<'_>, handle: AppHandle, id: Id) -> ApiResult<LaunchDetail> { todo!() }
            #[tauri::command]
            pub fn frontend_ready(s: Cmd<'_>, first_frame_ms_ago: f64) {}
            pub fn helper() {}
        "#;
        let cmds = commands_in("launches", src).unwrap();
        assert_eq!(cmds.len(), 2);
        assert_eq!(cmds[0].name, "get_launch");
        assert_eq!(cmds[0].doc, vec!["Reads one."]);
        assert_eq!(cmds[0].params.len(), 1);
        assert_eq!(cmds[0].params[0].name, "id");
        let s = Surface::new(cmds, vec![]).unwrap();
        let ts = s.typescript().unwrap();
        assert!(ts.contains("export function getLaunch(id: number): Promise<LaunchDetail> {\n  return call<LaunchDetail>(\"get_launch\", { id });"), "{ts}");
        assert!(ts.contains("export function frontendReady(firstFrameMsAgo: number): Promise<void>"), "{ts}");
        assert!(ts.contains("import type {\n  LaunchDetail,\n} from \"./bindings\";"), "{ts}");
        assert!(s.handler_rs().contains("crate::commands::launches::frontend_ready,"));
        assert!(s.capability_json().contains("\"allow-frontend-ready\""));
    }

    #[test]
    fn a_private_or_duplicate_command_is_refused() {
        let private = "#[tauri::command] fn hidden() {}";
        assert!(commands_in("x", private).is_err());
        let one = commands_in("a", "#[tauri::command] pub fn same() {}").unwrap();
        let two = commands_in("b", "#[tauri::command] pub fn same() {}").unwrap();
        assert!(Surface::new([one, two].concat(), vec![]).is_err());
    }

    #[test]
    fn a_type_typescript_cannot_express_is_refused() {
        let cmds = commands_in("x", "#[tauri::command] pub fn m(map: HashMap<String, Id>) {}").unwrap();
        let err = Surface::new(cmds, vec![]).unwrap_err();
        assert!(err.0.contains("command `m`"), "{err}");
    }

    #[test]
    fn events_are_typed_on_both_sides() {
        let src = r#"
            /// Another workspace is open.
            pub struct WorkspaceChanged;
            impl ShellEvent for WorkspaceChanged { const NAME: &'static str = "workspace-changed"; type Payload = WorkspaceInfo; }
            pub struct ShowShortcuts;
            impl ShellEvent for ShowShortcuts { const NAME: &'static str = "show-shortcuts"; type Payload = (); }
        "#;
        let events = events_in(src).unwrap();
        assert_eq!(events.len(), 2);
        let ts = Surface::new(vec![], events).unwrap().typescript().unwrap();
        assert!(ts.contains("/** Another workspace is open. */\nexport function onWorkspaceChanged(handler: (payload: WorkspaceInfo) => void): Promise<UnlistenFn> {\n  return on<WorkspaceInfo>(\"workspace-changed\", handler);"), "{ts}");
        assert!(ts.contains("export function onShowShortcuts(handler: () => void): Promise<UnlistenFn> {\n  return on<null>(\"show-shortcuts\", () => handler());"), "{ts}");
    }
}
