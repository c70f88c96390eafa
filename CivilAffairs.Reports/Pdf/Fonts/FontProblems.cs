namespace CivilAffairs.Reports.Pdf.Fonts;

/// <summary>Why a font file cannot be used; every message in Chinese and English, as the administrator will read it.</summary>
internal static class FontProblems
{
    public const string ConfigKey = "Reports:Pdf:FontFile";

    public static string NoneFound(IEnumerable<string> tried) =>
        "未找到可用的中文字体：请安装 fonts-wqy-microhei（apt-get install fonts-wqy-microhei），" +
        $"或在配置 {ConfigKey} 中指定 TrueType 字体文件。" +
        " No usable Chinese font was found: install fonts-wqy-microhei (apt-get install fonts-wqy-microhei) " +
        $@"or set {ConfigKey} to a TrueType-outline font file (e.g. C:\Windows\Fonts\simhei.ttf). " +
        "Tried: " + string.Join("; ", tried) + ".";

    public static string ConfiguredMissing(string path) =>
        $"配置的中文字体文件不存在：{path}（{ConfigKey}）。请检查路径，或安装 fonts-wqy-microhei 并删除该配置以自动查找。" +
        $" The configured font file does not exist: {path} ({ConfigKey}). Fix the path, or install fonts-wqy-microhei and remove the setting to search the usual locations.";

    public static string ConfiguredUnusable(string problem) =>
        $"配置的中文字体（{ConfigKey}）不可用 / the configured font ({ConfigKey}) cannot be used: {problem}";

    public static string NotAFont(string path) =>
        $"{path} 不是 TrueType/OpenType 字体文件。 {path} is not a TrueType/OpenType font file.";

    public static string Cff(string path) =>
        $"{path} 使用 PostScript（CFF）轮廓，PDFsharp 无法正确嵌入（如 Noto CJK 的 .otf）：请改用 TrueType 轮廓字体（如 simhei.ttf、simsun.ttc、wqy-microhei.ttc）。" +
        $" {path} has PostScript (CFF) outlines, which PDFsharp cannot embed correctly: use a TrueType-outline font (simhei.ttf, simsun.ttc, wqy-microhei.ttc).";

    public static string NoOutlines(string path) =>
        $"{path} 没有 TrueType 轮廓（缺少 glyf 表）。 {path} has no TrueType outlines (no 'glyf' table).";

    public static string MissingTable(string path, string tag) =>
        $"{path} 缺少必需的字体表 '{tag}'。 {path} lacks the required font table '{tag}'.";

    public static string FaceIndexOutOfRange(string path, int faces, int index) =>
        $"{path} 只包含 {faces} 个字体，FaceIndex {index} 超出范围。 {path} holds {faces} font faces; FaceIndex {index} is out of range.";

    public static string NotACollection(string path, int index) =>
        $"{path} 不是字体集合（.ttc），FaceIndex 必须为 0（当前为 {index}）。 {path} is not a font collection; FaceIndex must be 0 (it is {index}).";

    public static string NoUnicodeMap(string path) =>
        $"{path} 没有 Windows Unicode 字符映射（cmap 3/1 或 3/10）。 {path} has no Windows Unicode character map (cmap 3/1 or 3/10).";

    public static string NoChineseGlyphs(string path) =>
        $"{path} 不含中文字形。 {path} has no Chinese glyphs.";

    public static string Unreadable(string path, string reason) =>
        $"无法读取字体文件 {path}：{reason} Cannot read the font file {path}: {reason}";
}

/// <summary>A font file that cannot be used; the message says why (Chinese and English).</summary>
internal sealed class FontProblemException(string message) : Exception(message);
