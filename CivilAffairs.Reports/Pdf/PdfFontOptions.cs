namespace CivilAffairs.Reports.Pdf;

/// <summary>
/// Which Chinese font the PDF engine embeds; bound from the configuration section
/// <c>Reports:Pdf</c> (<c>Reports:Pdf:FontFile</c>, <c>Reports:Pdf:FaceIndex</c>).
/// </summary>
public sealed class PdfFontOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Reports:Pdf";

    /// <summary>
    /// A TrueType-outline font file with Chinese glyphs (.ttf, or a .ttc collection with
    /// <see cref="FaceIndex"/>), e.g. <c>C:\Windows\Fonts\simhei.ttf</c>. When null or empty the
    /// engine searches <see cref="CandidateFiles"/>.
    /// </summary>
    public string? FontFile { get; set; }

    /// <summary>The face to use inside a .ttc collection (0 = the first); must be 0 for a .ttf.</summary>
    public int FaceIndex { get; set; }

    /// <summary>
    /// Files tried in order when <see cref="FontFile"/> is not set (the first face of each);
    /// null means <see cref="ChineseFontLocator.WellKnownFiles"/>.
    /// </summary>
    public IList<string>? CandidateFiles { get; set; }
}
