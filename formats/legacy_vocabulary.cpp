#include "formats/legacy_vocabulary.hpp"

#include "formats/profile_detail.hpp"
#include "formats/response.hpp"

#include <algorithm>
#include <array>
#include <set>
#include <sstream>

namespace skm::formats {
namespace {

struct Words {
    std::string_view code;
    std::array<std::string_view, 8> words;  // folded single words or phrases
};

// The words that name each Permenpan 14/2017 unsur in a question, in
// Indonesian, English and Javanese (the official wording and the kiosk's).
constexpr std::array<Words, 9> kUnsurWords = {{
    {"persyaratan", {"persyaratan", "syarat", "requirement", "requirements"}},
    {"prosedur", {"prosedur", "mekanisme", "procedure", "procedures"}},
    {"waktu", {"waktu", "kecepatan", "fast", "speed", "wekdal"}},
    {"biaya", {"biaya", "tarif", "cost", "fee"}},
    {"produk", {"produk", "product", "standar", "standard", "result"}},
    {"kompetensi", {"kompetensi", "kemampuan", "competent", "competence", "kabisan", "kasagedan"}},
    {"perilaku", {"perilaku", "kesopanan", "keramahan", "polite", "friendly", "behaviour", "behavior", "grapyakipun"}},
    {"pengaduan", {"pengaduan", "complaints", "complaint", "pangaduan"}},
    {"sarana", {"sarana", "prasarana", "facilities", "facility"}},
}};

// Unsur of Kepmenpan 25/2004 that the 2017 questionnaire does not have.
constexpr std::array<std::string_view, 7> k2004Words = {"kedisiplinan", "kejelasan", "tanggung jawab", "keadilan",
                                                        "kepastian", "kenyamanan", "keamanan"};

constexpr std::array<std::string_view, 9> kTimestampHeaders = {
    "stempel waktu", "timestamp", "tanggal", "tgl", "date", "tanggal survei", "tanggal pengisian", "waktu pengisian",
    "tanggal survey"};

struct FieldWords {
    ColumnKind kind;
    std::array<std::string_view, 6> words;
};
// Checked in this order, after the unsur: a profile question never names an unsur.
constexpr std::array<FieldWords, 7> kFieldWords = {{
    {ColumnKind::jenis_kelamin, {"jenis kelamin", "kelamin", "gender", "sex"}},
    {ColumnKind::umur, {"umur", "usia", "age"}},
    {ColumnKind::pendidikan, {"pendidikan", "education"}},
    {ColumnKind::pekerjaan, {"pekerjaan", "occupation", "profesi", "job"}},
    {ColumnKind::saran, {"saran", "masukan", "kritik", "komentar", "suggestion", "suggestions"}},
    // Layanan before the personal words: "Nama layanan" is the layanan.
    {ColumnKind::layanan, {"layanan", "pelayanan", "service"}},
    {ColumnKind::personal, {"email", "e mail", "surel", "nama", "name", "nik"}},
}};
// The rest of the fixed list of personal columns: nomor HP/telepon and alamat.
constexpr std::array<std::string_view, 11> kPersonalWords = {"hp", "handphone", "telepon", "telp", "telpon", "phone",
                                                              "whatsapp", "wa", "alamat", "address", "ktp"};

bool has_phrase(std::string_view folded, std::string_view phrase) {
    if (phrase.empty()) return false;
    const std::string padded = " " + std::string(folded) + " ";
    return padded.find(" " + std::string(phrase) + " ") != std::string::npos;
}

template <std::size_t N>
bool has_any(std::string_view folded, const std::array<std::string_view, N>& phrases) {
    return std::any_of(phrases.begin(), phrases.end(), [&](std::string_view p) { return has_phrase(folded, p); });
}

std::optional<std::size_t> unsur_index(const Questionnaire& questionnaire, std::string_view code) {
    for (std::size_t i = 0; i < questionnaire.unsur.size(); ++i) {
        if (questionnaire.unsur[i].code == code) return i;
    }
    return std::nullopt;
}

// "u3", "u 3", "unsur 3", "q3": the template's numbered unsur columns (1-based, questionnaire order).
std::optional<std::size_t> numbered_unsur(std::string_view folded) {
    std::istringstream in{std::string(folded)};
    std::string first;
    in >> first;
    std::string digits;
    if ((first == "u" || first == "unsur" || first == "q") && in >> digits) {
    } else if (first.size() >= 2 && (first[0] == 'u' || first[0] == 'q')) {
        digits = first.substr(1);
    }
    if (digits.empty() || digits.size() > 2 || digits.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
    const std::size_t n = std::stoul(digits);
    if (n == 0) return std::nullopt;
    return n - 1;
}

// Drops a leading "a"–"d" (a choice letter) or "1"–"4" before more words.
std::string without_choice_prefix(std::string folded) {
    if (folded.size() > 2 && folded[1] == ' ' && ((folded[0] >= 'a' && folded[0] <= 'd') || (folded[0] >= '1' && folded[0] <= '4'))) {
        return folded.substr(2);
    }
    return folded;
}

struct ProfileWords {
    ColumnKind field;
    std::string_view folded;
    std::string_view code;
    std::string_view detail;
};

// The profile answers offices' forms use, folded, onto the official codes.
constexpr std::array<ProfileWords, 70> kProfileWords = {{
    {ColumnKind::jenis_kelamin, "laki laki", "L", ""},
    {ColumnKind::jenis_kelamin, "laki", "L", ""},
    {ColumnKind::jenis_kelamin, "l", "L", ""},
    {ColumnKind::jenis_kelamin, "pria", "L", ""},
    {ColumnKind::jenis_kelamin, "male", "L", ""},
    {ColumnKind::jenis_kelamin, "perempuan", "P", ""},
    {ColumnKind::jenis_kelamin, "p", "P", ""},
    {ColumnKind::jenis_kelamin, "wanita", "P", ""},
    {ColumnKind::jenis_kelamin, "female", "P", ""},
    {ColumnKind::pendidikan, "sd", "SD", ""},
    {ColumnKind::pendidikan, "sd sederajat", "SD", ""},
    {ColumnKind::pendidikan, "sekolah dasar", "SD", ""},
    {ColumnKind::pendidikan, "tidak sekolah", "SD", "tidak_sekolah"},
    {ColumnKind::pendidikan, "tidak tamat sd", "SD", "tidak_sekolah"},
    {ColumnKind::pendidikan, "belum sekolah", "SD", "tidak_sekolah"},
    {ColumnKind::pendidikan, "smp", "SMP", ""},
    {ColumnKind::pendidikan, "sltp", "SMP", ""},
    {ColumnKind::pendidikan, "smp sederajat", "SMP", ""},
    {ColumnKind::pendidikan, "sma", "SMA", ""},
    {ColumnKind::pendidikan, "smk", "SMA", ""},
    {ColumnKind::pendidikan, "slta", "SMA", ""},
    {ColumnKind::pendidikan, "sma smk", "SMA", ""},
    {ColumnKind::pendidikan, "sma sederajat", "SMA", ""},
    {ColumnKind::pendidikan, "sma smk sederajat", "SMA", ""},
    {ColumnKind::pendidikan, "d1", "D1-D3", ""},
    {ColumnKind::pendidikan, "d2", "D1-D3", ""},
    {ColumnKind::pendidikan, "d3", "D1-D3", ""},
    {ColumnKind::pendidikan, "d1 d3", "D1-D3", ""},
    {ColumnKind::pendidikan, "diploma", "D1-D3", ""},
    {ColumnKind::pendidikan, "d4", "S1", "d4"},
    {ColumnKind::pendidikan, "s1", "S1", ""},
    {ColumnKind::pendidikan, "sarjana", "S1", ""},
    {ColumnKind::pendidikan, "s2", "S2", ""},
    {ColumnKind::pendidikan, "magister", "S2", ""},
    {ColumnKind::pendidikan, "s3", "S3", ""},
    {ColumnKind::pendidikan, "doktor", "S3", ""},
    {ColumnKind::pekerjaan, "pns", "PNS", ""},
    {ColumnKind::pekerjaan, "asn", "PNS", ""},
    {ColumnKind::pekerjaan, "pns asn", "PNS", ""},
    {ColumnKind::pekerjaan, "asn pns", "PNS", ""},
    {ColumnKind::pekerjaan, "pegawai negeri sipil", "PNS", ""},
    {ColumnKind::pekerjaan, "civil servant", "PNS", ""},
    {ColumnKind::pekerjaan, "tni", "TNI", ""},
    {ColumnKind::pekerjaan, "polri", "POLRI", ""},
    {ColumnKind::pekerjaan, "swasta", "Swasta", ""},
    {ColumnKind::pekerjaan, "karyawan swasta", "Swasta", ""},
    {ColumnKind::pekerjaan, "pegawai swasta", "Swasta", ""},
    {ColumnKind::pekerjaan, "private employee", "Swasta", ""},
    {ColumnKind::pekerjaan, "wirausaha", "Wirausaha", ""},
    {ColumnKind::pekerjaan, "wiraswasta", "Wirausaha", ""},
    {ColumnKind::pekerjaan, "wirausaha wiraswasta", "Wirausaha", ""},
    {ColumnKind::pekerjaan, "pengusaha", "Wirausaha", ""},
    {ColumnKind::pekerjaan, "entrepreneur", "Wirausaha", ""},
    {ColumnKind::pekerjaan, "petani", "Lainnya", "petani"},
    {ColumnKind::pekerjaan, "farmer", "Lainnya", "petani"},
    {ColumnKind::pekerjaan, "nelayan", "Lainnya", "nelayan"},
    {ColumnKind::pekerjaan, "fisher", "Lainnya", "nelayan"},
    {ColumnKind::pekerjaan, "pelajar", "Lainnya", "pelajar_mahasiswa"},
    {ColumnKind::pekerjaan, "mahasiswa", "Lainnya", "pelajar_mahasiswa"},
    {ColumnKind::pekerjaan, "pelajar mahasiswa", "Lainnya", "pelajar_mahasiswa"},
    {ColumnKind::pekerjaan, "student", "Lainnya", "pelajar_mahasiswa"},
    {ColumnKind::pekerjaan, "ibu rumah tangga", "Lainnya", "ibu_rumah_tangga"},
    {ColumnKind::pekerjaan, "irt", "Lainnya", "ibu_rumah_tangga"},
    {ColumnKind::pekerjaan, "housewife", "Lainnya", "ibu_rumah_tangga"},
    {ColumnKind::pekerjaan, "pensiunan", "Lainnya", "pensiunan"},
    {ColumnKind::pekerjaan, "retired", "Lainnya", "pensiunan"},
    {ColumnKind::pekerjaan, "lainnya", "Lainnya", ""},
    {ColumnKind::pekerjaan, "lain lain", "Lainnya", ""},
    {ColumnKind::pekerjaan, "other", "Lainnya", ""},
    {ColumnKind::pekerjaan, "others", "Lainnya", ""},
}};

std::vector<int> numbers_in(std::string_view folded) {
    std::vector<int> numbers;
    std::istringstream in{std::string(folded)};
    for (std::string word; in >> word;) {
        if (!word.empty() && word.size() <= 3 && word.find_first_not_of("0123456789") == std::string::npos) {
            numbers.push_back(std::stoi(word));
        }
    }
    return numbers;
}

// An age as a number ("34", "34 tahun") or a band ("20-29", "20 - 29 tahun",
// "< 20", "di bawah 20", "60 tahun ke atas", "> 60"). A band that straddles two
// of ours is not guessed.
std::optional<std::string_view> match_umur(std::string_view text, const std::string& folded) {
    const auto numbers = numbers_in(folded);
    const bool below = text.find('<') != std::string_view::npos || has_phrase(folded, "bawah") ||
                       has_phrase(folded, "kurang") || has_phrase(folded, "under") || has_phrase(folded, "below");
    const bool above = text.find('>') != std::string_view::npos || text.find('+') != std::string_view::npos ||
                       has_phrase(folded, "atas") || has_phrase(folded, "lebih") || has_phrase(folded, "over") ||
                       has_phrase(folded, "above");
    if (numbers.size() == 1 && below != above) {
        if (below && numbers[0] <= 20) return umur_band(0);
        if (above && numbers[0] >= 60) return umur_band(99);
        return std::nullopt;
    }
    if (numbers.size() == 1 && !below && !above) return umur_band(numbers[0]);
    if (numbers.size() == 2 && !below && !above && numbers[0] < numbers[1] && umur_band(numbers[0]) == umur_band(numbers[1])) {
        return umur_band(numbers[0]);
    }
    return std::nullopt;
}

}  // namespace

std::string fold_text(std::string_view text) {
    std::string out;
    bool space = true;  // no leading space
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        const bool dash = c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
                          (static_cast<unsigned char>(text[i + 2]) == 0x93 || static_cast<unsigned char>(text[i + 2]) == 0x94);
        if (dash) i += 2;
        if (!dash && (c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
            out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
            space = false;
        } else if (!space) {
            out += ' ';
            space = true;
        }
    }
    if (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

ColumnRole recognise_column(std::string_view header, const Questionnaire& questionnaire, bool& kepmenpan_2004) {
    const std::string folded = fold_text(header);
    if (folded.empty()) return {};
    if (has_any(folded, k2004Words)) kepmenpan_2004 = true;
    if (std::find(kTimestampHeaders.begin(), kTimestampHeaders.end(), folded) != kTimestampHeaders.end()) {
        return {ColumnKind::timestamp, 0};
    }
    if (folded == "no" || folded == "nomor" || folded == "no urut" || folded == "nomor urut" || folded == "number") {
        return {ColumnKind::ignored, 0};
    }
    if (const auto n = numbered_unsur(folded)) {
        if (*n < questionnaire.unsur.size()) return {ColumnKind::unsur, *n};
        return {};
    }
    std::set<std::size_t> named;
    for (const Words& entry : kUnsurWords) {
        const auto index = unsur_index(questionnaire, entry.code);
        if (index && has_any(folded, entry.words)) named.insert(*index);
    }
    if (named.size() == 1) return {ColumnKind::unsur, *named.begin()};
    if (named.size() > 1) return {};  // a question about two unsur: the office decides
    for (const FieldWords& field : kFieldWords) {
        if (has_any(folded, field.words)) return {field.kind, 0};
    }
    if (has_any(folded, kPersonalWords)) return {ColumnKind::personal, 0};
    return {};
}

std::optional<ColumnRole> role_from_word(std::string_view word, const Questionnaire& questionnaire) {
    static constexpr std::array<std::pair<std::string_view, ColumnKind>, 10> kWords = {{
        {"timestamp", ColumnKind::timestamp},
        {"jenis_kelamin", ColumnKind::jenis_kelamin},
        {"umur", ColumnKind::umur},
        {"pendidikan", ColumnKind::pendidikan},
        {"pekerjaan", ColumnKind::pekerjaan},
        {"layanan", ColumnKind::layanan},
        {"saran", ColumnKind::saran},
        {"personal", ColumnKind::personal},
        {"ignore", ColumnKind::ignored},
        {"", ColumnKind::unknown},
    }};
    for (const auto& [name, kind] : kWords) {
        if (word == name) return ColumnRole{kind, 0};
    }
    if (const auto index = unsur_index(questionnaire, word)) return ColumnRole{ColumnKind::unsur, *index};
    return std::nullopt;
}

std::string_view profile_field_name(ColumnKind kind) {
    switch (kind) {
        case ColumnKind::jenis_kelamin: return "jenis_kelamin";
        case ColumnKind::umur: return "umur";
        case ColumnKind::pendidikan: return "pendidikan";
        case ColumnKind::pekerjaan: return "pekerjaan";
        default: return "";
    }
}

std::string role_word(const ColumnRole& role, const Questionnaire& questionnaire) {
    if (!profile_field_name(role.kind).empty()) return std::string(profile_field_name(role.kind));
    switch (role.kind) {
        case ColumnKind::unknown: return "";
        case ColumnKind::timestamp: return "timestamp";
        case ColumnKind::unsur: return questionnaire.unsur[role.unsur].code;
        case ColumnKind::layanan: return "layanan";
        case ColumnKind::saran: return "saran";
        case ColumnKind::personal: return "personal";
        case ColumnKind::ignored: return "ignore";
        default: return "";
    }
}

std::optional<std::uint8_t> match_answer(std::string_view text, const UnsurDefinition& unsur) {
    const std::string folded = fold_text(text);
    if (folded.empty()) return 0;
    if (folded.size() == 1 && folded[0] >= '1' && folded[0] <= '4') return static_cast<std::uint8_t>(folded[0] - '0');
    for (const std::string& candidate : {folded, without_choice_prefix(folded)}) {
        for (const auto& [language, labels] : unsur.answers) {
            for (std::size_t i = 0; i < labels.size(); ++i) {
                if (fold_text(labels[i]) == candidate) return static_cast<std::uint8_t>(i + 1);
            }
        }
    }
    return std::nullopt;
}

std::optional<ProfileValue> match_profile(std::string_view text, ColumnKind field) {
    const std::string folded = fold_text(text);
    if (folded.empty()) return ProfileValue{};
    if (field == ColumnKind::umur) {
        if (const auto band = match_umur(text, folded)) return ProfileValue{std::string(*band), ""};
        return std::nullopt;
    }
    for (const std::string& candidate : {folded, without_choice_prefix(folded)}) {
        for (const ProfileWords& entry : kProfileWords) {
            if (entry.field == field && entry.folded == candidate) return ProfileValue{std::string(entry.code), std::string(entry.detail)};
        }
    }
    return std::nullopt;
}

std::optional<ProfileValue> profile_from_map(std::string_view value, ColumnKind field) {
    const auto colon = value.find(':');
    ProfileValue out{std::string(value.substr(0, colon)), colon == std::string_view::npos ? "" : std::string(value.substr(colon + 1))};
    bool known = false;
    switch (field) {
        case ColumnKind::jenis_kelamin: known = empty_or_in_vocabulary(out.code, kJenisKelamin); break;
        case ColumnKind::umur: known = empty_or_in_vocabulary(out.code, kUmurBands); break;
        case ColumnKind::pendidikan: known = empty_or_in_vocabulary(out.code, kPendidikan); break;
        case ColumnKind::pekerjaan: known = empty_or_in_vocabulary(out.code, kPekerjaan); break;
        default: return std::nullopt;
    }
    if (!known || out.code.empty()) return std::nullopt;
    if (!out.detail.empty() && !parse_profile_detail(std::string(profile_field_name(field)) + "=" + out.detail)) return std::nullopt;
    return out;
}

}  // namespace skm::formats
