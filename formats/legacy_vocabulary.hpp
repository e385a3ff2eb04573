// What the columns and answers of an old survey file mean (Google Forms
// exports, the SKM spreadsheet templates offices pass around): the column
// recogniser, which reads a header's words, and the label matcher, which reads
// an answer. Both compare folded text (lowercase ASCII, punctuation and
// numbering "1." / "a." dropped), so case and prefixes do not matter. Nothing
// is guessed: a header or a label that matches no entry, or more than one, is
// left for the office to decide in MAP.json (formats/import_map).
#pragma once

#include "formats/questionnaire.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace skm::formats {

enum class ColumnKind {
    unknown,    // not recognised: MAP.json must say
    timestamp,  // "Stempel waktu", "Timestamp", "Tanggal"
    unsur,      // one of the questionnaire's unsur
    jenis_kelamin,
    umur,
    pendidikan,
    pekerjaan,
    layanan,
    saran,
    personal,  // e-mail, nama, nomor HP/telepon, NIK, alamat: dropped, never stored
    ignored,   // a row number, or what MAP.json says to leave out
};

struct ColumnRole {
    ColumnKind kind = ColumnKind::unknown;
    std::size_t unsur = 0;  // index in the questionnaire when kind == unsur
    bool operator==(const ColumnRole&) const = default;
};

// Lowercase ASCII letters and digits separated by single spaces; any other
// ASCII character (and the en and em dash) is a space; other UTF-8 bytes stay.
std::string fold_text(std::string_view text);

// The role a header names, by its words. `kepmenpan_2004` is set when the
// header asks one of the 2004 questionnaire's own unsur (kedisiplinan,
// kejelasan, tanggung jawab, keadilan, kepastian, kenyamanan, keamanan).
ColumnRole recognise_column(std::string_view header, const Questionnaire& questionnaire, bool& kepmenpan_2004);

// The role a MAP.json word names ("timestamp", "saran", "persyaratan", "ignore", "personal"...), if any.
std::optional<ColumnRole> role_from_word(std::string_view word, const Questionnaire& questionnaire);
// "jenis_kelamin", "umur", "pendidikan" or "pekerjaan" (the response field and
// profile-detail field name); empty for any other kind.
std::string_view profile_field_name(ColumnKind kind);
// The word MAP.json uses for a role.
std::string role_word(const ColumnRole& role, const Questionnaire& questionnaire);

// A profile value with the detail kept beside it (formats/profile_detail): "Petani" → pekerjaan
// "Lainnya" with detail "petani".
struct ProfileValue {
    std::string code;    // one of the field's official codes (formats/response.hpp)
    std::string detail;  // the profile-detail option key, or empty
    bool operator==(const ProfileValue&) const = default;
};

// 1-4 for an answer: the digit, or one of the unsur's labels in any language of the
// questionnaire, with or without "a."–"d." in front, any case. Empty text is 0 (not answered).
std::optional<std::uint8_t> match_answer(std::string_view text, const UnsurDefinition& unsur);
// The official code (and detail) of a profile answer; empty text is an empty value.
std::optional<ProfileValue> match_profile(std::string_view text, ColumnKind field);

// A value written in MAP.json for a label: "1".."4" for an unsur, a code
// (optionally ":detail") for a profile field; nothing if it is not acceptable.
std::optional<ProfileValue> profile_from_map(std::string_view value, ColumnKind field);

}  // namespace skm::formats
