// Writing a built territory's tables to disk (riposte/territory_builder.hpp): the file side of
// the territory builder, kept in the output layer so that the model never writes files.
#include "riposte/output.hpp"
#include "riposte/territory_builder.hpp"

#include <filesystem>
#include <string>
#include <system_error>

namespace riposte {

std::string write_territory_files(const Territory& t, const std::filesystem::path& dir) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) return dir.string() + ": cannot create the directory: " + ec.message();
    if (auto st = write_file_atomic(dir / "communes.csv", territory_communes_csv(t)); !st.ok())
        return st.error;
    if (auto st = write_file_atomic(dir / "edges.csv", territory_edges_csv(t)); !st.ok())
        return st.error;
    return {};
}

} // namespace riposte
