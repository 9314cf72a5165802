// The SFML → ImGuiIO glue, headless: an ImGui context without a window or OpenGL.
#include "backend/imgui_sfml_backend.hpp"

#include <imgui.h>

#include <doctest/doctest.h>

#include <cfloat>

using namespace riposte::gui;

namespace {

/// An ImGui context with a built font atlas (NewFrame needs one), destroyed at scope end.
struct HeadlessImgui {
    ImguiSfmlInput input;
    HeadlessImgui() {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        input.install();
    }
    ~HeadlessImgui() { ImGui::DestroyContext(); }
    HeadlessImgui(const HeadlessImgui&) = delete;
    HeadlessImgui& operator=(const HeadlessImgui&) = delete;

    /// One frame as the backend runs it; `during` sees ImGui between NewFrame and EndFrame.
    template <typename F> void frame(F during) {
        input.prepare_frame({800, 600}, 1.0f / 60.0f);
        ImGui::NewFrame();
        input.after_new_frame();
        during();
        ImGui::EndFrame();
    }
    void frame() {
        frame([] {});
    }
};

sf::Event key(sf::Event::EventType type, sf::Keyboard::Key code) {
    sf::Event e{};
    e.type = type;
    e.key.code = code;
    return e;
}

sf::Event button(sf::Event::EventType type, sf::Mouse::Button b, int x = 10, int y = 20) {
    sf::Event e{};
    e.type = type;
    e.mouseButton.button = b;
    e.mouseButton.x = x;
    e.mouseButton.y = y;
    return e;
}

} // namespace

TEST_CASE("the 1.86 key map points ImGui keys at SFML key codes") {
    HeadlessImgui im;
    const ImGuiIO& io = ImGui::GetIO();
    CHECK(io.KeyMap[ImGuiKey_Tab] == sf::Keyboard::Tab);
    CHECK(io.KeyMap[ImGuiKey_Enter] == sf::Keyboard::Enter);
    CHECK(io.KeyMap[ImGuiKey_Backspace] == sf::Keyboard::Backspace);
    CHECK(io.KeyMap[ImGuiKey_A] == sf::Keyboard::A);
    CHECK(io.KeyMap[ImGuiKey_Z] == sf::Keyboard::Z);
    CHECK(io.KeyMap[ImGuiKey_KeyPadEnter] == -1);
    const bool clipboard_hooked =
        io.GetClipboardTextFn != nullptr && io.SetClipboardTextFn != nullptr;
    CHECK(clipboard_hooked);
}

TEST_CASE("a quick click (press and release in one frame) is seen, then released") {
    HeadlessImgui im;
    im.frame();
    im.input.process_event(button(sf::Event::MouseButtonPressed, sf::Mouse::Left));
    im.input.process_event(button(sf::Event::MouseButtonReleased, sf::Mouse::Left));
    im.frame([] {
        CHECK(ImGui::IsMouseClicked(ImGuiMouseButton_Left));
        CHECK(ImGui::IsMouseDown(ImGuiMouseButton_Left));
        CHECK(ImGui::GetIO().MousePos.x == doctest::Approx(10));
        CHECK(ImGui::GetIO().MousePos.y == doctest::Approx(20));
    });
    im.frame([] {
        CHECK_FALSE(ImGui::IsMouseDown(ImGuiMouseButton_Left));
        CHECK(ImGui::IsMouseReleased(ImGuiMouseButton_Left));
    });
}

TEST_CASE("a held button stays down, a later release is immediate") {
    HeadlessImgui im;
    im.input.process_event(button(sf::Event::MouseButtonPressed, sf::Mouse::Right));
    im.frame([] { CHECK(ImGui::IsMouseClicked(ImGuiMouseButton_Right)); });
    im.frame([] {
        CHECK(ImGui::IsMouseDown(ImGuiMouseButton_Right));
        CHECK_FALSE(ImGui::IsMouseClicked(ImGuiMouseButton_Right));
    });
    im.input.process_event(button(sf::Event::MouseButtonReleased, sf::Mouse::Right));
    im.frame([] {
        CHECK_FALSE(ImGui::IsMouseDown(ImGuiMouseButton_Right));
        CHECK(ImGui::IsMouseReleased(ImGuiMouseButton_Right));
    });
}

TEST_CASE("a quick key tap is seen as a press for one frame") {
    HeadlessImgui im;
    im.frame();
    im.input.process_event(key(sf::Event::KeyPressed, sf::Keyboard::Enter));
    im.input.process_event(key(sf::Event::KeyReleased, sf::Keyboard::Enter));
    im.frame([] { CHECK(ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false)); });
    im.frame([] { CHECK_FALSE(ImGui::IsKeyDown(ImGui::GetKeyIndex(ImGuiKey_Enter))); });
}

TEST_CASE("press, release, press again in one frame leaves the key down") {
    HeadlessImgui im;
    im.input.process_event(key(sf::Event::KeyPressed, sf::Keyboard::A));
    im.input.process_event(key(sf::Event::KeyReleased, sf::Keyboard::A));
    im.input.process_event(key(sf::Event::KeyPressed, sf::Keyboard::A));
    im.frame();
    im.frame([] { CHECK(ImGui::IsKeyDown(ImGui::GetKeyIndex(ImGuiKey_A))); });
}

TEST_CASE("modifiers follow the modifier keys, unknown keys are ignored") {
    HeadlessImgui im;
    im.input.process_event(key(sf::Event::KeyPressed, sf::Keyboard::RControl));
    im.input.process_event(key(sf::Event::KeyPressed, sf::Keyboard::LShift));
    im.input.process_event(key(sf::Event::KeyPressed, sf::Keyboard::Unknown));
    im.frame([] {
        CHECK(ImGui::GetIO().KeyCtrl);
        CHECK(ImGui::GetIO().KeyShift);
        CHECK_FALSE(ImGui::GetIO().KeyAlt);
    });
    im.input.process_event(key(sf::Event::KeyReleased, sf::Keyboard::RControl));
    im.frame([] {
        CHECK_FALSE(ImGui::GetIO().KeyCtrl);
        CHECK(ImGui::GetIO().KeyShift);
    });
}

TEST_CASE("text input passes printable characters, not control ones") {
    HeadlessImgui im;
    auto text = [&](sf::Uint32 c) {
        sf::Event e{};
        e.type = sf::Event::TextEntered;
        e.text.unicode = c;
        im.input.process_event(e);
    };
    text(0xE9);   // é
    text(0x8);    // backspace: a key, not text
    text(0x7F);   // delete
    text(0x20AC); // €
    const ImGuiIO& io = ImGui::GetIO();
    REQUIRE(io.InputQueueCharacters.Size == 2);
    CHECK(io.InputQueueCharacters[0] == 0xE9);
    CHECK(io.InputQueueCharacters[1] == 0x20AC);
    im.frame();
    CHECK(io.InputQueueCharacters.Size == 0); // consumed by the frame
}

TEST_CASE("mouse moves, leaves and wheels") {
    HeadlessImgui im;
    sf::Event move{};
    move.type = sf::Event::MouseMoved;
    move.mouseMove.x = 321;
    move.mouseMove.y = 123;
    im.input.process_event(move);
    sf::Event wheel{};
    wheel.type = sf::Event::MouseWheelScrolled;
    wheel.mouseWheelScroll.wheel = sf::Mouse::VerticalWheel;
    wheel.mouseWheelScroll.delta = 1.0f;
    im.input.process_event(wheel);
    im.input.process_event(wheel);
    wheel.mouseWheelScroll.wheel = sf::Mouse::HorizontalWheel;
    wheel.mouseWheelScroll.delta = -1.0f;
    im.input.process_event(wheel);
    im.frame([] {
        const ImGuiIO& io = ImGui::GetIO();
        CHECK(io.MousePos.x == doctest::Approx(321));
        CHECK(io.MousePos.y == doctest::Approx(123));
        CHECK(io.MouseWheel == doctest::Approx(2.0f));
        CHECK(io.MouseWheelH == doctest::Approx(-1.0f));
    });
    im.frame([] { CHECK(ImGui::GetIO().MouseWheel == doctest::Approx(0.0f)); });
    sf::Event left{};
    left.type = sf::Event::MouseLeft;
    im.input.process_event(left);
    im.frame([] { CHECK(ImGui::GetIO().MousePos.x == -FLT_MAX); });
}

TEST_CASE("display size and delta time are set before each frame") {
    HeadlessImgui im;
    im.input.prepare_frame({1600, 900}, 0.0f);
    const ImGuiIO& io = ImGui::GetIO();
    CHECK(io.DisplaySize.x == doctest::Approx(1600));
    CHECK(io.DisplaySize.y == doctest::Approx(900));
    CHECK(io.DisplayFramebufferScale.x == doctest::Approx(1));
    CHECK(io.DeltaTime > 0.0f); // ImGui asserts on a zero delta
    im.input.prepare_frame({800, 600}, 0.25f);
    CHECK(io.DeltaTime == doctest::Approx(0.25f));
}

TEST_CASE("losing focus releases the mouse buttons") {
    HeadlessImgui im;
    im.input.process_event(button(sf::Event::MouseButtonPressed, sf::Mouse::Left));
    im.frame();
    sf::Event lost{};
    lost.type = sf::Event::LostFocus;
    im.input.process_event(lost);
    im.frame([] { CHECK_FALSE(ImGui::IsMouseDown(ImGuiMouseButton_Left)); });
}

TEST_CASE("a new press before the held-back release is due keeps the key down") {
    HeadlessImgui im;
    im.input.process_event(key(sf::Event::KeyPressed, sf::Keyboard::Tab));
    im.input.process_event(key(sf::Event::KeyReleased, sf::Keyboard::Tab));
    im.frame([] { CHECK(ImGui::IsKeyDown(ImGui::GetKeyIndex(ImGuiKey_Tab))); });
    im.input.process_event(key(sf::Event::KeyPressed, sf::Keyboard::Tab)); // held this time
    im.frame([] { CHECK(ImGui::IsKeyDown(ImGui::GetKeyIndex(ImGuiKey_Tab))); });
    im.frame([] { CHECK(ImGui::IsKeyDown(ImGui::GetKeyIndex(ImGuiKey_Tab))); });
    im.input.process_event(key(sf::Event::KeyReleased, sf::Keyboard::Tab));
    im.frame([] { CHECK_FALSE(ImGui::IsKeyDown(ImGui::GetKeyIndex(ImGuiKey_Tab))); });
}

TEST_CASE("a quick click on a button presses it") {
    HeadlessImgui im;
    int presses = 0;
    auto ui = [&] {
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(300, 200));
        ImGui::Begin("w", nullptr, ImGuiWindowFlags_NoTitleBar);
        ImGui::SetCursorScreenPos(ImVec2(20, 20));
        if (ImGui::Button("go", ImVec2(100, 40))) ++presses;
        ImGui::End();
    };
    sf::Event move{};
    move.type = sf::Event::MouseMoved;
    move.mouseMove.x = 50;
    move.mouseMove.y = 40;
    im.input.process_event(move);
    im.frame(ui);
    im.frame(ui); // hover settles
    im.input.process_event(button(sf::Event::MouseButtonPressed, sf::Mouse::Left, 50, 40));
    im.input.process_event(button(sf::Event::MouseButtonReleased, sf::Mouse::Left, 50, 40));
    im.frame(ui);
    im.frame(ui);
    im.frame(ui);
    CHECK(presses == 1);
}
