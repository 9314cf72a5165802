#include "backend/imgui_sfml_backend.hpp"
#include "backend/opaque_runs.hpp"

#include <imgui.h>
#include <imgui_impl_opengl2.h>
#include <imgui_impl_opengl3.h>

#include <SFML/OpenGL.hpp>

#include <SFML/Window/Clipboard.hpp>
#include <SFML/Window/Keyboard.hpp>
#include <SFML/Window/Mouse.hpp>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <system_error>

namespace riposte::gui {
namespace {

static_assert(sizeof(ImGuiIO::KeysDown) / sizeof(bool) == ImguiSfmlInput::key_slots,
              "ImGui's KeysDown size changed: this glue is written for the 1.86 key map API");
static_assert(sizeof(ImGuiIO::MouseDown) / sizeof(bool) == ImguiSfmlInput::mouse_buttons);
static_assert(sf::Keyboard::KeyCount <= static_cast<int>(ImguiSfmlInput::key_slots));

/// sf::Mouse::Button → ImGui button index (0 left, 1 right, 2 middle, 3-4 extras), -1 if none.
int imgui_button(sf::Mouse::Button b) {
    switch (b) {
    case sf::Mouse::Left:
        return 0;
    case sf::Mouse::Right:
        return 1;
    case sf::Mouse::Middle:
        return 2;
    case sf::Mouse::XButton1:
        return 3;
    case sf::Mouse::XButton2:
        return 4;
    default:
        return -1;
    }
}

/// Keeps the glyphs French text needs: Latin-1 and Latin Extended-A (é, ç, œ...), general
/// punctuation (’ – — … and the narrow no-break space), € , math symbols (∝ ≤ ≥) and
/// geometric shapes (■ ● ▲).
constexpr ImWchar glyph_ranges[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x2000, 0x206F, 0x20AC,
                                    0x20AC, 0x2200, 0x22FF, 0x25A0, 0x25FF, 0};

sf::Cursor::Type sfml_cursor(int imgui_cursor) {
    switch (imgui_cursor) {
    case ImGuiMouseCursor_TextInput:
        return sf::Cursor::Text;
    case ImGuiMouseCursor_ResizeAll:
        return sf::Cursor::SizeAll;
    case ImGuiMouseCursor_ResizeNS:
        return sf::Cursor::SizeVertical;
    case ImGuiMouseCursor_ResizeEW:
        return sf::Cursor::SizeHorizontal;
    case ImGuiMouseCursor_ResizeNESW:
        return sf::Cursor::SizeBottomLeftTopRight;
    case ImGuiMouseCursor_ResizeNWSE:
        return sf::Cursor::SizeTopLeftBottomRight;
    case ImGuiMouseCursor_Hand:
        return sf::Cursor::Hand;
    case ImGuiMouseCursor_NotAllowed:
        return sf::Cursor::NotAllowed;
    default:
        return sf::Cursor::Arrow;
    }
}

/// `c` drawn over `ground`, as one opaque colour.
ImVec4 opaque_over(const ImVec4& c, const ImVec4& ground) {
    return {c.x * c.w + ground.x * (1 - c.w), c.y * c.w + ground.y * (1 - c.w),
            c.z * c.w + ground.z * (1 - c.w), 1.0f};
}

/// The dark style with opaque window backgrounds, and the fills drawn on them (frames,
/// buttons, headers, alternate table rows) blended over the window's colour once, here: the
/// software rasterizer then draws them without blending (see split_opaque_runs). The map's
/// legend asks for its own translucent background.
void use_opaque_style() {
    ImGuiStyle& style = ImGui::GetStyle();
    ImGui::StyleColorsDark(&style);
    ImVec4* c = style.Colors;
    c[ImGuiCol_WindowBg].w = 1.0f;
    c[ImGuiCol_PopupBg].w = 1.0f;
    const ImVec4 ground = c[ImGuiCol_WindowBg];
    for (const ImGuiCol k : {ImGuiCol_FrameBg, ImGuiCol_Button, ImGuiCol_Header,
                             ImGuiCol_TableRowBgAlt, ImGuiCol_Tab, ImGuiCol_ScrollbarBg})
        c[k] = opaque_over(c[k], ground);
}

void blend_off(const ImDrawList*, const ImDrawCmd*) {
    glDisable(GL_BLEND);
}
void blend_on(const ImDrawList*, const ImDrawCmd*) {
    glEnable(GL_BLEND);
}

} // namespace

static_assert(ImGuiMouseCursor_COUNT == 9, "cursor_kinds in the header must match ImGui");

// ---------------------------------------------------------------------------------------------
// Input
// ---------------------------------------------------------------------------------------------

void ImguiSfmlInput::install() {
    ImGuiIO& io = ImGui::GetIO();
    io.BackendPlatformName = "riposte_sfml";
    // The 1.86 key API: ImGui looks up io.KeysDown[io.KeyMap[ImGuiKey_X]]. Our KeysDown index is
    // the sf::Keyboard::Key code. Keys SFML cannot tell apart (keypad Enter) stay unmapped (-1).
    io.KeyMap[ImGuiKey_Tab] = sf::Keyboard::Tab;
    io.KeyMap[ImGuiKey_LeftArrow] = sf::Keyboard::Left;
    io.KeyMap[ImGuiKey_RightArrow] = sf::Keyboard::Right;
    io.KeyMap[ImGuiKey_UpArrow] = sf::Keyboard::Up;
    io.KeyMap[ImGuiKey_DownArrow] = sf::Keyboard::Down;
    io.KeyMap[ImGuiKey_PageUp] = sf::Keyboard::PageUp;
    io.KeyMap[ImGuiKey_PageDown] = sf::Keyboard::PageDown;
    io.KeyMap[ImGuiKey_Home] = sf::Keyboard::Home;
    io.KeyMap[ImGuiKey_End] = sf::Keyboard::End;
    io.KeyMap[ImGuiKey_Insert] = sf::Keyboard::Insert;
    io.KeyMap[ImGuiKey_Delete] = sf::Keyboard::Delete;
    io.KeyMap[ImGuiKey_Backspace] = sf::Keyboard::Backspace;
    io.KeyMap[ImGuiKey_Space] = sf::Keyboard::Space;
    io.KeyMap[ImGuiKey_Enter] = sf::Keyboard::Enter;
    io.KeyMap[ImGuiKey_Escape] = sf::Keyboard::Escape;
    io.KeyMap[ImGuiKey_KeyPadEnter] = -1;
    io.KeyMap[ImGuiKey_A] = sf::Keyboard::A;
    io.KeyMap[ImGuiKey_C] = sf::Keyboard::C;
    io.KeyMap[ImGuiKey_V] = sf::Keyboard::V;
    io.KeyMap[ImGuiKey_X] = sf::Keyboard::X;
    io.KeyMap[ImGuiKey_Y] = sf::Keyboard::Y;
    io.KeyMap[ImGuiKey_Z] = sf::Keyboard::Z;

    io.GetClipboardTextFn = &ImguiSfmlInput::clipboard_text;
    io.SetClipboardTextFn = &ImguiSfmlInput::set_clipboard_text;
    io.ClipboardUserData = this;
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX); // no position until the mouse moves in
}

void ImguiSfmlInput::set_key(int code, bool down) {
    if (code < 0 || code >= static_cast<int>(key_slots)) return; // sf::Keyboard::Unknown
    const auto k = static_cast<std::size_t>(code);
    ImGuiIO& io = ImGui::GetIO();
    if (down) {
        io.KeysDown[k] = true;
        key_pressed_this_frame_[k] = true;
        key_release_held_[k] = false;
        key_release_due_[k] = false;
    } else if (key_pressed_this_frame_[k]) {
        key_release_held_[k] = true; // no NewFrame has seen it down yet
    } else {
        io.KeysDown[k] = false;
    }
}

void ImguiSfmlInput::set_button(int button, bool down) {
    if (button < 0 || button >= static_cast<int>(mouse_buttons)) return;
    const auto b = static_cast<std::size_t>(button);
    ImGuiIO& io = ImGui::GetIO();
    if (down) {
        io.MouseDown[b] = true;
        button_pressed_this_frame_[b] = true;
        button_release_held_[b] = false;
        button_release_due_[b] = false;
    } else if (button_pressed_this_frame_[b]) {
        button_release_held_[b] = true;
    } else {
        io.MouseDown[b] = false;
    }
}

void ImguiSfmlInput::forget_held_presses() {
    key_pressed_this_frame_.fill(false);
    key_release_held_.fill(false);
    key_release_due_.fill(false);
    button_pressed_this_frame_.fill(false);
    button_release_held_.fill(false);
    button_release_due_.fill(false);
}

void ImguiSfmlInput::process_event(const sf::Event& event) {
    ImGuiIO& io = ImGui::GetIO();
    switch (event.type) {
    case sf::Event::KeyPressed:
    case sf::Event::KeyReleased:
        set_key(event.key.code, event.type == sf::Event::KeyPressed);
        break;
    case sf::Event::TextEntered: {
        const sf::Uint32 c = event.text.unicode;
        // Control characters (Backspace, Enter, Tab...) reach ImGui as keys, not text.
        const bool control = c < 0x20 || c == 0x7f;
        const bool private_use = c >= 0xe000 && c <= 0xf8ff; // some platforms' function keys
        if (!control && !private_use && c <= 0x10ffff) io.AddInputCharacter(c);
        break;
    }
    case sf::Event::MouseMoved:
        io.MousePos =
            ImVec2(static_cast<float>(event.mouseMove.x), static_cast<float>(event.mouseMove.y));
        break;
    case sf::Event::MouseLeft:
        io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
        break;
    case sf::Event::MouseButtonPressed:
    case sf::Event::MouseButtonReleased:
        io.MousePos = ImVec2(static_cast<float>(event.mouseButton.x),
                             static_cast<float>(event.mouseButton.y));
        set_button(imgui_button(event.mouseButton.button),
                   event.type == sf::Event::MouseButtonPressed);
        break;
    case sf::Event::MouseWheelScrolled:
        if (event.mouseWheelScroll.wheel == sf::Mouse::VerticalWheel)
            io.MouseWheel += event.mouseWheelScroll.delta;
        else
            io.MouseWheelH += event.mouseWheelScroll.delta;
        break;
    case sf::Event::LostFocus:
        // ImGui releases every key on its next frame; our held releases are then moot.
        io.AddFocusEvent(false);
        forget_held_presses();
        for (bool& down : io.MouseDown) down = false;
        break;
    case sf::Event::GainedFocus:
        io.AddFocusEvent(true);
        break;
    default:
        break;
    }
}

void ImguiSfmlInput::prepare_frame(sf::Vector2u window_size, float dt_seconds) {
    ImGuiIO& io = ImGui::GetIO();
    for (std::size_t k = 0; k < key_slots; ++k)
        if (key_release_due_[k]) io.KeysDown[k] = false;
    for (std::size_t b = 0; b < mouse_buttons; ++b)
        if (button_release_due_[b]) io.MouseDown[b] = false;
    key_release_due_.fill(false);
    button_release_due_.fill(false);

    io.DisplaySize = ImVec2(static_cast<float>(window_size.x), static_cast<float>(window_size.y));
    // SFML 2.5 windows have as many framebuffer pixels as window pixels.
    io.DisplayFramebufferScale = ImVec2(1.0f, 1.0f);
    // ImGui requires a positive delta; a stalled clock (or the first frame) gets a tiny one.
    io.DeltaTime = dt_seconds > 0.0f ? dt_seconds : 1.0f / 1000.0f;
    auto down = [&](sf::Keyboard::Key k) { return io.KeysDown[static_cast<std::size_t>(k)]; };
    io.KeyCtrl = down(sf::Keyboard::LControl) || down(sf::Keyboard::RControl);
    io.KeyShift = down(sf::Keyboard::LShift) || down(sf::Keyboard::RShift);
    io.KeyAlt = down(sf::Keyboard::LAlt) || down(sf::Keyboard::RAlt);
    io.KeySuper = down(sf::Keyboard::LSystem) || down(sf::Keyboard::RSystem);
}

void ImguiSfmlInput::after_new_frame() {
    key_release_due_ = key_release_held_;
    button_release_due_ = button_release_held_;
    key_release_held_.fill(false);
    button_release_held_.fill(false);
    key_pressed_this_frame_.fill(false);
    button_pressed_this_frame_.fill(false);
}

const char* ImguiSfmlInput::clipboard_text(void* user_data) {
    auto* self = static_cast<ImguiSfmlInput*>(user_data);
    const auto utf8 = sf::Clipboard::getString().toUtf8();
    self->clipboard_.assign(utf8.begin(), utf8.end());
    return self->clipboard_.c_str();
}

void ImguiSfmlInput::set_clipboard_text(void* /*user_data*/, const char* text) {
    sf::Clipboard::setString(
        sf::String::fromUtf8(text, text + std::char_traits<char>::length(text)));
}

// ---------------------------------------------------------------------------------------------
// Backend
// ---------------------------------------------------------------------------------------------

ImguiSfmlBackend::~ImguiSfmlBackend() {
    shutdown();
}

bool ImguiSfmlBackend::init(sf::RenderWindow& window, const FontConfig& fonts) {
    if (initialised_) return true;
    if (!window.setActive(true)) return false;

    IMGUI_CHECKVERSION();
    context_ = ImGui::CreateContext();
    ImGui::SetCurrentContext(context_);
    use_opaque_style();
    // Lines drawn from the atlas's baked anti-aliased strips need bilinear filtering; the atlas
    // is sampled nearest (use_nearest_filter), so lines keep ImGui's geometric anti-aliasing.
    ImGui::GetStyle().AntiAliasedLinesUseTex = false;
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr; // no imgui.ini written into the working directory
    io.LogFilename = nullptr;
    input_.install();

    for (std::size_t i = 0; i < cursor_kinds; ++i) {
        auto cursor = std::make_unique<sf::Cursor>();
        if (cursor->loadFromSystem(sfml_cursor(static_cast<int>(i))))
            cursors_[i] = std::move(cursor);
    }
    io.BackendFlags |= ImGuiBackendFlags_HasMouseCursors;

    load_fonts(fonts);

    // SFML reports the version of the context it actually got.
    const sf::ContextSettings settings = window.getSettings();
    use_gl3_ = settings.majorVersion >= 3;
    const std::string version =
        std::to_string(settings.majorVersion) + "." + std::to_string(settings.minorVersion);
    bool ok = false;
    if (use_gl3_) {
        // GLSL 1.30 = OpenGL 3.0, accepted by any 3.x/4.x compatibility context.
        ok = ImGui_ImplOpenGL3_Init("#version 130");
        renderer_name_ = "OpenGL3 renderer, context " + version + ", GLSL #version 130";
    } else {
        ok = ImGui_ImplOpenGL2_Init();
        renderer_name_ = "OpenGL2 renderer, context " + version;
    }
    if (!ok) {
        ImGui::DestroyContext(context_);
        context_ = nullptr;
        return false;
    }
    initialised_ = true;
    return true;
}

void ImguiSfmlBackend::set_layout_file(const std::string& path) {
    if (!initialised_) return;
    layout_file_ = path;
    ImGui::SetCurrentContext(context_);
    ImGui::GetIO().IniFilename = layout_file_.empty() ? nullptr : layout_file_.c_str();
}

void ImguiSfmlBackend::load_fonts(const FontConfig& fonts) {
    ImGuiIO& io = ImGui::GetIO();
    for (const std::string& path : fonts.ttf_candidates) {
        std::error_code ec;
        if (!std::filesystem::is_regular_file(path, ec)) continue;
        // Glyphs baked at their size and placed on whole pixels (advances rounded): every
        // glyph's quad then covers texels one for one, so the atlas is sampled nearest (see
        // use_nearest_filter) with the same pixels as a bilinear filter would give.
        ImFontConfig cfg;
        cfg.OversampleH = 1;
        cfg.OversampleV = 1;
        cfg.PixelSnapH = true;
        font_normal_ =
            io.Fonts->AddFontFromFileTTF(path.c_str(), fonts.size_px, &cfg, glyph_ranges);
        if (font_normal_ == nullptr) continue;
        font_large_ =
            io.Fonts->AddFontFromFileTTF(path.c_str(), fonts.large_size_px, &cfg, glyph_ranges);
        font_name_ = path;
        break;
    }
    if (font_normal_ == nullptr || font_large_ == nullptr) {
        // ImGui's built-in bitmap font covers Latin-1 (French accents), not '€' or '…'.
        io.Fonts->Clear();
        ImFontConfig cfg;
        cfg.SizePixels = 13.0f;
        font_normal_ = io.Fonts->AddFontDefault(&cfg);
        cfg.SizePixels = 26.0f;
        font_large_ = io.Fonts->AddFontDefault(&cfg);
        font_name_ = "ImGui built-in (ProggyClean)";
    }
}

void ImguiSfmlBackend::make_current() const {
    if (context_ != nullptr) ImGui::SetCurrentContext(context_);
}

void ImguiSfmlBackend::process_event(const sf::Event& event) {
    if (!initialised_) return;
    make_current();
    input_.process_event(event);
}

void ImguiSfmlBackend::update_mouse_cursor(sf::RenderWindow& window) {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.ConfigFlags & ImGuiConfigFlags_NoMouseCursorChange) return;
    const int wanted = io.MouseDrawCursor ? ImGuiMouseCursor_None : ImGui::GetMouseCursor();
    if (wanted == current_cursor_) return;
    current_cursor_ = wanted;
    if (wanted < 0 || wanted >= static_cast<int>(cursor_kinds)) {
        window.setMouseCursorVisible(false);
        return;
    }
    window.setMouseCursorVisible(true);
    const auto i = static_cast<std::size_t>(wanted);
    if (cursors_[i])
        window.setMouseCursor(*cursors_[i]);
    else if (cursors_[0])
        window.setMouseCursor(*cursors_[0]);
}

void ImguiSfmlBackend::new_frame(sf::RenderWindow& window, float dt_seconds) {
    if (!initialised_) return;
    make_current();
    (void)window.setActive(true); // the renderer's objects belong to this window's GL context
    input_.prepare_frame(window.getSize(), dt_seconds);
    update_mouse_cursor(window); // the shape the previous frame asked for
    ImGuiIO& io = ImGui::GetIO();
    io.FontDefault = large_font_ ? font_large_ : font_normal_;
    if (use_gl3_)
        ImGui_ImplOpenGL3_NewFrame();
    else
        ImGui_ImplOpenGL2_NewFrame();
    use_nearest_filter();
    ImGui::NewFrame();
    input_.after_new_frame();
}

void ImguiSfmlBackend::use_nearest_filter() {
    // The renderer creates the font atlas's texture at its first NewFrame, filtered bilinearly.
    // Mesa's software rasterizer (llvmpipe: Xvfb, projector laptops without a GPU driver)
    // spends most of a dashboard frame sampling that texture, for the text and for every
    // filled shape (they sample its white texel): a nearest fetch is one texel instead of four,
    // and with glyphs on whole pixels it reads the same colours.
    const ImTextureID id = ImGui::GetIO().Fonts->TexID;
    if (id == nullptr || id == nearest_texture_) return;
    GLint bound = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &bound);
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(reinterpret_cast<std::intptr_t>(id)));
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(bound));
    nearest_texture_ = id;
}

void ImguiSfmlBackend::render(sf::RenderWindow& window) {
    if (!initialised_) return;
    make_current();
    ImGui::Render();
    if (!window.setActive(true)) return;
    // opaque flat fills drawn with blending off (the same pixels, no frame buffer read)
    split_opaque_runs(*ImGui::GetDrawData(), ImGui::GetIO().Fonts->TexUvWhitePixel, &blend_off,
                      &blend_on, 4000.0f);
    // The renderer saves and restores the OpenGL state it changes; SFML's own cached state is
    // reset by the caller (resetGLStates) before SFML draws again.
    if (use_gl3_)
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    else
        ImGui_ImplOpenGL2_RenderDrawData(ImGui::GetDrawData());
}

void ImguiSfmlBackend::shutdown() {
    if (!initialised_) return;
    make_current();
    if (use_gl3_)
        ImGui_ImplOpenGL3_Shutdown();
    else
        ImGui_ImplOpenGL2_Shutdown();
    ImGui::DestroyContext(context_);
    context_ = nullptr;
    initialised_ = false;
}

bool ImguiSfmlBackend::wants_mouse() const {
    if (!initialised_) return false;
    make_current();
    return ImGui::GetIO().WantCaptureMouse;
}

bool ImguiSfmlBackend::wants_keyboard() const {
    if (!initialised_) return false;
    make_current();
    return ImGui::GetIO().WantCaptureKeyboard;
}

} // namespace riposte::gui
