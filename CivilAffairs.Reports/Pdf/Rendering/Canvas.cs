using CivilAffairs.Reports.Pdf.Elements;

namespace CivilAffairs.Reports.Pdf.Rendering;

/// <summary>
/// Records what one page draws, in page coordinates (points, origin top left). Layout runs once
/// over the whole document into these lists; only then is the page count known and the pages
/// are replayed into PDFsharp, with "第 n 页 / 共 m 页" filled in.
/// </summary>
internal sealed class Canvas
{
    private float _x;
    private float _y;

    public List<DrawCommand> Commands { get; } = [];

    public void Translate(float dx, float dy)
    {
        _x += dx;
        _y += dy;
    }

    public void Text(float x, float baseline, string text, ResolvedTextStyle style) =>
        Commands.Add(new TextCommand(_x + x, _y + baseline, text, style.Size, style.Bold, style.Color));

    public void DynamicText(float x, float baseline, float boxWidth, HorizontalAlignment alignment, DynamicRun[] runs) =>
        Commands.Add(new DynamicTextCommand(_x + x, _y + baseline, boxWidth, alignment, runs));

    public void FillRectangle(float x, float y, float width, float height, PdfColor color) =>
        Commands.Add(new RectangleCommand(_x + x, _y + y, width, height, color, null, 0));

    public void StrokeRectangle(float x, float y, float width, float height, PdfColor color, float lineWidth) =>
        Commands.Add(new RectangleCommand(_x + x, _y + y, width, height, null, color, lineWidth));

    public void Line(float x1, float y1, float x2, float y2, PdfColor color, float lineWidth, bool dashed = false) =>
        Commands.Add(new LineCommand(_x + x1, _y + y1, _x + x2, _y + y2, color, lineWidth, dashed));

    public void Polyline(IReadOnlyList<(float X, float Y)> points, PdfColor color, float lineWidth) =>
        Commands.Add(new PolylineCommand(points.Select(p => (_x + p.X, _y + p.Y)).ToArray(), color, lineWidth));

    public void FillEllipse(float x, float y, float width, float height, PdfColor color) =>
        Commands.Add(new EllipseCommand(_x + x, _y + y, width, height, color));

    public void Image(float x, float y, float width, float height, ImageData image) =>
        Commands.Add(new ImageCommand(_x + x, _y + y, width, height, image));
}

/// <summary>Horizontal placement of a line or block inside its box.</summary>
internal enum HorizontalAlignment : byte
{
    Left,
    Center,
    Right,
}

/// <summary>Vertical placement of a block inside its box.</summary>
internal enum VerticalAlignment : byte
{
    Top,
    Middle,
    Bottom,
}

/// <summary>A piece of a line whose text is known only when the page count is: plain text or a page-number format.</summary>
/// <param name="Text">The text, or the format with {0} = page number and {1} = page count.</param>
/// <param name="IsPageNumber">True when <paramref name="Text"/> is a page-number format.</param>
/// <param name="Style">The style of the piece.</param>
internal sealed record DynamicRun(string Text, bool IsPageNumber, ResolvedTextStyle Style);
