using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using CivilAffairs.Reports.Pdf.Fonts;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace CivilAffairs.Reports.Pdf;

/// <summary>
/// The loaded Chinese font documents are set in, embedded as a subset. Load it once (it is
/// immutable and thread-safe; the DI registration makes it a singleton) and pass it to
/// <see cref="PdfDocumentComposer.Create"/>. Bold is simulated from the same face.
/// </summary>
public sealed class PdfFonts
{
    private static readonly ConcurrentDictionary<(string Path, int Face), Lazy<PdfFonts>> Loaded = new();

    private PdfFonts(string fontFile, int faceIndex, string familyName, string resolverName, FontMetrics metrics)
    {
        FontFile = fontFile;
        FaceIndex = faceIndex;
        FamilyName = familyName;
        ResolverName = resolverName;
        Metrics = metrics;
    }

    /// <summary>The font file in use.</summary>
    public string FontFile { get; }

    /// <summary>The face used inside a .ttc collection (0 for a .ttf).</summary>
    public int FaceIndex { get; }

    /// <summary>The family name the font file gives itself, e.g. "WenQuanYi Micro Hei".</summary>
    public string FamilyName { get; }

    /// <summary>The name under which the face is registered with PDFsharp's font resolver.</summary>
    internal string ResolverName { get; }

    internal FontMetrics Metrics { get; }

    /// <summary>PDFsharp font options: Unicode (Identity-H) encoding for every string, so one subset serves Chinese and Latin text.</summary>
    internal static XPdfFontOptions PdfOptions { get; } = new(PdfFontEncoding.Unicode, PdfFontEmbedding.TryComputeSubset);

    /// <summary>
    /// Locates (see <see cref="ChineseFontLocator"/>) and loads the font; a collection face is
    /// turned into a standalone TrueType font in memory. Loading the same file again returns the
    /// same instance.
    /// </summary>
    /// <exception cref="ChineseFontNotFoundException">No usable Chinese font; the message says what to install or configure.</exception>
    public static PdfFonts Load(PdfFontOptions? options = null)
    {
        var (path, face, family) = ChineseFontLocator.Locate(options);
        var lazy = Loaded.GetOrAdd((path, face), key => new Lazy<PdfFonts>(() => Create(key.Path, key.Face, family)));
        try
        {
            return lazy.Value;
        }
        catch
        {
            Loaded.TryRemove(new KeyValuePair<(string, int), Lazy<PdfFonts>>((path, face), lazy));
            throw;
        }
    }

    private static PdfFonts Create(string path, int faceIndex, string family)
    {
        try
        {
            var sfnt = TrueTypeFile.ExtractFace(File.ReadAllBytes(path), faceIndex, path);
            var metrics = FontMetrics.Read(sfnt, path);
            var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{path}|{faceIndex}|{sfnt.Length}")))[..12];
            var resolverName = $"CivilAffairsCJK-{hash}";
            FontRegistry.Instance.Register(resolverName, sfnt);

            // Let PDFsharp parse the face now, so a font it cannot read fails here with a clear message.
            _ = new XFont(resolverName, 10, XFontStyleEx.Regular, PdfOptions);
            return new PdfFonts(path, faceIndex, family, resolverName, metrics);
        }
        catch (FontProblemException ex)
        {
            throw new ChineseFontNotFoundException(ex.Message, ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or InvalidDataException)
        {
            throw new ChineseFontNotFoundException(FontProblems.Unreadable(path, ex.Message), ex);
        }
    }
}
