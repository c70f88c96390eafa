namespace CivilAffairs.Reports.Pdf;

/// <summary>A paper size in points (1/72 inch), portrait.</summary>
/// <param name="Width">Width in points.</param>
/// <param name="Height">Height in points.</param>
public readonly record struct PdfPageSize(float Width, float Height)
{
    /// <summary>Points per millimetre.</summary>
    public const float PointsPerMillimetre = 72f / 25.4f;

    /// <summary>A4, 210 × 297 mm.</summary>
    public static PdfPageSize A4 { get; } = FromMillimetres(210, 297);

    /// <summary>A3, 297 × 420 mm.</summary>
    public static PdfPageSize A3 { get; } = FromMillimetres(297, 420);

    /// <summary>A5, 148 × 210 mm.</summary>
    public static PdfPageSize A5 { get; } = FromMillimetres(148, 210);

    /// <summary>A size given in millimetres.</summary>
    public static PdfPageSize FromMillimetres(float width, float height) => new(width * PointsPerMillimetre, height * PointsPerMillimetre);
}
