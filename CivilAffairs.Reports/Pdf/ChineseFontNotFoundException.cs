namespace CivilAffairs.Reports.Pdf;

/// <summary>
/// No usable Chinese font: none is configured and none of the usual locations holds one, or the
/// configured file is missing or unusable (CFF outlines, no Chinese glyphs…). The message says,
/// in Chinese and English, what to install or configure. PDF generation never falls back to a
/// font without Chinese glyphs (which would print empty boxes).
/// </summary>
public sealed class ChineseFontNotFoundException : InvalidOperationException
{
    /// <summary>Creates the exception with the explanation for the administrator.</summary>
    public ChineseFontNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the explanation and its cause.</summary>
    public ChineseFontNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with the generic explanation.</summary>
    public ChineseFontNotFoundException()
        : base(Fonts.FontProblems.NoneFound([]))
    {
    }
}
