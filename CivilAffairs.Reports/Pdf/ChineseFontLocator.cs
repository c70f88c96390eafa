using System.Diagnostics.CodeAnalysis;
using CivilAffairs.Reports.Pdf.Fonts;

namespace CivilAffairs.Reports.Pdf;

/// <summary>
/// Finds the Chinese font the PDF engine embeds: the configured file, else the first usable one
/// among the usual system locations (Debian/Ubuntu WenQuanYi, Windows SimHei/SimSun/YaHei/FangSong,
/// macOS). Usable means TrueType outlines ('glyf' table; CFF fonts such as Noto CJK .otf are
/// refused because PDFsharp embeds them wrongly), a Windows Unicode cmap and Chinese glyphs.
/// The portal can call <see cref="TryFind"/> at start-up to report a missing font clearly.
/// </summary>
public static class ChineseFontLocator
{
    /// <summary>Where the engine looks when no font file is configured, in this order.</summary>
    public static IReadOnlyList<string> WellKnownFiles { get; } = BuildWellKnownFiles();

    /// <summary>
    /// Finds the font <paramref name="options"/> ask for (or the first usable well-known one).
    /// Reads only the headers, table directory and character map of each candidate.
    /// </summary>
    /// <param name="options">The configured options; null means none configured.</param>
    /// <param name="path">The font file that will be used.</param>
    /// <param name="problem">Why no font can be used, in Chinese and English, naming what to install or configure.</param>
    /// <returns>True when a usable font was found.</returns>
    public static bool TryFind(PdfFontOptions? options, [NotNullWhen(true)] out string? path, [NotNullWhen(false)] out string? problem)
    {
        try
        {
            (path, _, _) = Locate(options);
            problem = null;
            return true;
        }
        catch (ChineseFontNotFoundException ex)
        {
            path = null;
            problem = ex.Message;
            return false;
        }
    }

    /// <summary>The usable font file, its face index and family name; throws <see cref="ChineseFontNotFoundException"/>.</summary>
    internal static (string Path, int FaceIndex, string FamilyName) Locate(PdfFontOptions? options)
    {
        if (!string.IsNullOrWhiteSpace(options?.FontFile))
        {
            var configured = Path.GetFullPath(options.FontFile.Trim());
            if (!File.Exists(configured))
            {
                throw new ChineseFontNotFoundException(FontProblems.ConfiguredMissing(configured));
            }

            var checkedFile = Check(configured, options.FaceIndex);
            return checkedFile.Problem is null
                ? (configured, options.FaceIndex, checkedFile.FamilyName!)
                : throw new ChineseFontNotFoundException(FontProblems.ConfiguredUnusable(checkedFile.Problem));
        }

        var tried = new List<string>();
        foreach (var candidate in (IEnumerable<string>?)options?.CandidateFiles ?? WellKnownFiles)
        {
            if (!File.Exists(candidate))
            {
                tried.Add($"{candidate} (—)");
                continue;
            }

            var result = Check(candidate, 0);
            if (result.Problem is null)
            {
                return (Path.GetFullPath(candidate), 0, result.FamilyName!);
            }

            tried.Add($"{candidate} ({result.Problem})");
        }

        throw new ChineseFontNotFoundException(FontProblems.NoneFound(tried));
    }

    private static (string? FamilyName, string? Problem) Check(string path, int faceIndex)
    {
        try
        {
            using var bytes = FontBytes.Open(path);
            return (TrueTypeFile.Inspect(bytes, faceIndex, path), null);
        }
        catch (FontProblemException ex)
        {
            return (null, ex.Message);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, FontProblems.Unreadable(path, ex.Message));
        }
    }

    private static string[] BuildWellKnownFiles()
    {
        var windowsFonts = Path.Combine(Environment.GetEnvironmentVariable("WINDIR") ?? @"C:\Windows", "Fonts");
        return
        [
            // Debian/Ubuntu: apt-get install fonts-wqy-microhei (or fonts-wqy-zenhei)
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
            // Fedora/RHEL and Arch package the same fonts elsewhere
            "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
            "/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc",
            "/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc",
            "/usr/share/fonts/wenquanyi/wqy-zenhei/wqy-zenhei.ttc",
            // Windows servers
            Path.Combine(windowsFonts, "simhei.ttf"),
            Path.Combine(windowsFonts, "simsun.ttc"),
            Path.Combine(windowsFonts, "msyh.ttc"),
            Path.Combine(windowsFonts, "simfang.ttf"),
            Path.Combine(windowsFonts, "simkai.ttf"),
            // macOS (PingFang and Hiragino may carry CFF outlines and are then skipped)
            "/System/Library/Fonts/PingFang.ttc",
            "/System/Library/Fonts/STHeiti Light.ttc",
            "/System/Library/Fonts/STHeiti Medium.ttc",
            "/Library/Fonts/Arial Unicode.ttf",
            "/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
        ];
    }
}
