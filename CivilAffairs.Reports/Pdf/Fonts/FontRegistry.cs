using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace CivilAffairs.Reports.Pdf.Fonts;

/// <summary>
/// The one PDFsharp font resolver of the process. PDFsharp keeps its resolver in a static
/// (<see cref="GlobalFontSettings.FontResolver"/>) that may be set only once, before any font is
/// used; so a single instance is installed on first use and fonts are registered with it under
/// unique family names. Registration is thread-safe and idempotent, and each family name always
/// maps to the same bytes, so tests and concurrent users can load fonts in any order.
/// </summary>
internal sealed class FontRegistry : IFontResolver
{
    private static readonly Lock InstallLock = new();
    private static volatile bool s_installed;

    private readonly ConcurrentDictionary<string, byte[]> _faces = new(StringComparer.Ordinal);

    private FontRegistry()
    {
    }

    public static FontRegistry Instance { get; } = new();

    /// <summary>Makes <paramref name="familyName"/> resolvable to <paramref name="sfnt"/> (regular; bold is simulated from it).</summary>
    public void Register(string familyName, byte[] sfnt)
    {
        EnsureInstalled();
        _faces.TryAdd(familyName, sfnt);
    }

    /// <inheritdoc />
    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        // One face serves every style: PDFsharp simulates bold (fill + stroke) and italic (skew).
        _faces.ContainsKey(familyName) ? new FontResolverInfo(familyName, bold, italic) : null;

    /// <inheritdoc />
    public byte[]? GetFont(string faceName) => _faces.TryGetValue(faceName, out var bytes) ? bytes : null;

    private static void EnsureInstalled()
    {
        if (s_installed)
        {
            return;
        }

        lock (InstallLock)
        {
            if (s_installed)
            {
                return;
            }

            if (GlobalFontSettings.FontResolver is null or FontRegistry)
            {
                GlobalFontSettings.FontResolver = Instance;
            }
            else if (GlobalFontSettings.FallbackFontResolver is null or FontRegistry)
            {
                // Someone else owns the primary resolver: ours answers for the names it knows as the fallback.
                GlobalFontSettings.FallbackFontResolver = Instance;
            }
            else
            {
                throw new InvalidOperationException(
                    "PDFsharp 的字体解析器已被其他代码占用，无法注册中文字体。 PDFsharp's font resolvers (GlobalFontSettings.FontResolver and " +
                    $"FallbackFontResolver) are already set by other code ({GlobalFontSettings.FontResolver.GetType().FullName}); the PDF engine cannot register its Chinese font.");
            }

            s_installed = true;
        }
    }
}
