//! How WebKitGTK paints the window, chosen before it starts (it reads the choice from the
//! environment once per process, and its web process inherits it).
//!
//! WebKitGTK paints through OpenGL by default, even where the only OpenGL is Mesa's software
//! rasterizer (llvmpipe): no GPU, a virtual machine, a remote desktop. There, the first frame
//! compiles a shader on the CPU for each kind of thing drawn (text, borders, rounded corners,
//! shadows). Measured with the launch screen on a 2-core machine without a GPU: the first paint
//! took 230–270 ms that way and 30–45 ms with WebKit's CPU painter, and the start-up work
//! before it ran 20–40 ms sooner, the shader compiler no longer competing for the cores.
//! So where there is no GPU to paint with, we ask for the CPU painter.

/// The variable WebKitGTK (2.46 and later) reads to paint with the CPU instead of OpenGL.
const CPU_PAINTING: &str = "WEBKIT_SKIA_ENABLE_CPU_RENDERING";

/// Whether WebKit should paint with the CPU: only when the person has not chosen themselves,
/// and OpenGL can only be the software rasterizer (no GPU render node, or software forced).
fn paint_on_cpu(already_chosen: bool, software_gl_forced: bool, has_gpu_render_node: bool) -> bool {
    !already_chosen && (software_gl_forced || !has_gpu_render_node)
}

/// A GPU the web process could render with: a DRM render node (Mesa drivers, and NVIDIA's
/// with its DRM module).
fn has_gpu_render_node() -> bool {
    std::fs::read_dir("/dev/dri")
        .map(|entries| entries.flatten().any(|e| e.file_name().to_string_lossy().starts_with("renderD")))
        .unwrap_or(false)
}

/// Runs at the very start of `run`, before any thread starts: it sets an environment variable.
pub fn choose_painter() {
    if !cfg!(target_os = "linux") {
        return;
    }
    let already_chosen = std::env::var_os(CPU_PAINTING).is_some();
    let software_gl_forced = std::env::var_os("LIBGL_ALWAYS_SOFTWARE").is_some_and(|v| v != "0");
    if paint_on_cpu(already_chosen, software_gl_forced, has_gpu_render_node()) {
        std::env::set_var(CPU_PAINTING, "1");
    }
}

#[cfg(test)]
mod tests {
    use super::paint_on_cpu;

    #[test]
    fn the_cpu_paints_only_where_opengl_would_be_software() {
        assert!(paint_on_cpu(false, false, false), "no GPU: the CPU paints");
        assert!(paint_on_cpu(false, true, true), "software OpenGL forced: the CPU paints");
        assert!(!paint_on_cpu(false, false, true), "a GPU: WebKit keeps its default");
        assert!(!paint_on_cpu(true, false, false), "the person's own choice stands");
        assert!(!paint_on_cpu(true, true, true), "the person's own choice stands");
    }
}
