#pragma once
// SFML 2.5 ⇄ Dear ImGui 1.86 glue, written for riposte from the ImGui 1.86 documentation.
// The only place where SFML and ImGui meet. This header names no ImGui type, so the rest of
// the dashboard (app.cpp) can use the backend without including ImGui.
//
// Input: ImGui 1.86 reads input state once per frame (io.KeysDown[] through io.KeyMap[],
// io.MouseDown[], io.MousePos, io.MouseWheel, io.AddInputCharacter()). A key or button pressed
// and released between two frames would never be seen down, so such a release is held back:
// the next frame sees the key down, the one after sees it released. Quick clicks and key taps
// are not lost.
// Rendering: ImGui's own OpenGL3 renderer backend (from Debian's libimgui.a), or OpenGL2 when
// the context is older than 3.0. The caller draws with SFML first (after
// sf::RenderWindow::resetGLStates()), then calls render().
#include <SFML/Graphics/RenderWindow.hpp>
#include <SFML/System/Vector2.hpp>
#include <SFML/Window/Cursor.hpp>
#include <SFML/Window/Event.hpp>

#include <array>
#include <memory>
#include <string>
#include <vector>

struct ImFont;
struct ImGuiContext;

namespace riposte::gui {

/// SFML events → ImGuiIO. Works on the current ImGui context; needs no window and no OpenGL
/// (so it is tested headless).
class ImguiSfmlInput {
  public:
    static constexpr std::size_t key_slots = 512;   ///< size of io.KeysDown in 1.86
    static constexpr std::size_t mouse_buttons = 5; ///< size of io.MouseDown

    /// Fills io.KeyMap (ImGuiKey_* → sf::Keyboard::Key), names the backend and hooks the
    /// clipboard. Call once after ImGui::CreateContext().
    void install();
    void process_event(const sf::Event& event);
    /// Before ImGui::NewFrame(): releases held back through the last frame take effect; display
    /// size, framebuffer scale, delta time, modifiers.
    void prepare_frame(sf::Vector2u window_size, float dt_seconds);
    /// Right after ImGui::NewFrame(): the presses it saw are now ordinary held keys; releases
    /// held back for them become due at the next prepare_frame().
    void after_new_frame();

  private:
    void set_key(int code, bool down);
    void set_button(int button, bool down);
    void forget_held_presses();
    static const char* clipboard_text(void* user_data);
    static void set_clipboard_text(void* user_data, const char* text);

    // Per key / button: pressed since the last NewFrame; released before any NewFrame saw it
    // down (held back); held back through one frame, to release before the next NewFrame.
    std::array<bool, key_slots> key_pressed_this_frame_{};
    std::array<bool, key_slots> key_release_held_{};
    std::array<bool, key_slots> key_release_due_{};
    std::array<bool, mouse_buttons> button_pressed_this_frame_{};
    std::array<bool, mouse_buttons> button_release_held_{};
    std::array<bool, mouse_buttons> button_release_due_{};
    std::string clipboard_; ///< keeps the text returned to ImGui alive
};

struct FontConfig {
    float size_px = 17.0f;
    float large_size_px = 28.0f;
    /// TrueType fonts tried in order (accents, €, typographic punctuation); ImGui's built-in
    /// font when none loads.
    std::vector<std::string> ttf_candidates{"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                                            "/usr/share/fonts/TTF/DejaVuSans.ttf"};
};

/// One window's ImGui: its own context (several windows each have one; every call below makes
/// this backend's context current first, so panels drawn between new_frame() and render() go
/// to this window).
class ImguiSfmlBackend {
  public:
    ImguiSfmlBackend() = default;
    ~ImguiSfmlBackend();
    ImguiSfmlBackend(const ImguiSfmlBackend&) = delete;
    ImguiSfmlBackend& operator=(const ImguiSfmlBackend&) = delete;

    /// Creates the ImGui context for `window` (its OpenGL context must be usable: do not
    /// request a core profile, SFML's drawing needs the compatibility one). False on failure.
    bool init(sf::RenderWindow& window, const FontConfig& fonts = {});
    void process_event(const sf::Event& event);
    /// Starts an ImGui frame (ends with ImGui::NewFrame()); panels may draw after it.
    void new_frame(sf::RenderWindow& window, float dt_seconds);
    /// ImGui::Render() and the OpenGL draw of its lists, over whatever SFML drew.
    void render(sf::RenderWindow& window);
    void shutdown();
    /// Makes this backend's ImGui context the current one.
    void make_current() const;

    void set_large_font(bool large) { large_font_ = large; }
    /// Remembers the window layout in this file (ImGui's imgui.ini): read at the next frame,
    /// written every few seconds and at shutdown. Call after init().
    void set_layout_file(const std::string& path);
    /// ImGui wants the mouse / keyboard (as of the last NewFrame): do not use them for the map.
    [[nodiscard]] bool wants_mouse() const;
    [[nodiscard]] bool wants_keyboard() const;
    /// "OpenGL3 4.5 (#version 130)" etc., for the log.
    [[nodiscard]] const std::string& renderer_name() const { return renderer_name_; }
    [[nodiscard]] const std::string& font_name() const { return font_name_; }

  private:
    void load_fonts(const FontConfig& fonts);
    void update_mouse_cursor(sf::RenderWindow& window);
    /// Sets the font atlas's texture to nearest filtering, once the renderer has created it.
    void use_nearest_filter();

    ImguiSfmlInput input_;
    ImGuiContext* context_ = nullptr;
    bool initialised_ = false;
    bool use_gl3_ = true;
    bool large_font_ = false;
    ImFont* font_normal_ = nullptr;
    ImFont* font_large_ = nullptr;
    void* nearest_texture_ = nullptr; ///< the atlas texture already set to nearest filtering
    std::string renderer_name_, font_name_;
    std::string layout_file_; ///< io.IniFilename points into it (empty: no layout file)

    static constexpr std::size_t cursor_kinds = 9; ///< ImGuiMouseCursor_COUNT in 1.86
    // Created in init(): an sf::Cursor reaches for the X display as soon as it is constructed.
    std::array<std::unique_ptr<sf::Cursor>, cursor_kinds> cursors_; ///< null: not available
    int current_cursor_ = -2; ///< ImGuiMouseCursor last applied (-2: none yet)
};

} // namespace riposte::gui
