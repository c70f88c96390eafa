using CivilAffairs.Reports.Pdf.Elements;
using PdfSharp.Drawing;

namespace CivilAffairs.Reports.Pdf.Rendering;

/// <summary>
/// Replays recorded pages into one PDFsharp document; keeps the document's fonts, brushes, pens
/// and images so each is created once per document (one context per document and thread).
/// </summary>
internal sealed class RenderContext(PdfFonts fonts, int pageCount) : IDisposable
{
    private readonly Dictionary<(float Size, bool Bold), XFont> _fonts = [];
    private readonly Dictionary<PdfColor, XSolidBrush> _brushes = [];
    private readonly Dictionary<(PdfColor Color, float Width, bool Dashed), XPen> _pens = [];
    private readonly Dictionary<ImageData, XImage> _images = new(ReferenceEqualityComparer.Instance);
    private XGraphics? _graphics;

    public XGraphics Graphics => _graphics ?? throw new InvalidOperationException("No page is being rendered.");

    public int PageNumber { get; private set; }

    public int PageCount { get; } = pageCount;

    public void BeginPage(XGraphics graphics, int pageNumber)
    {
        _graphics = graphics;
        PageNumber = pageNumber;
    }

    public XFont Font(float size, bool bold)
    {
        if (!_fonts.TryGetValue((size, bold), out var font))
        {
            font = new XFont(fonts.ResolverName, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, PdfFonts.PdfOptions);
            _fonts.Add((size, bold), font);
        }

        return font;
    }

    public XSolidBrush Brush(PdfColor color)
    {
        if (!_brushes.TryGetValue(color, out var brush))
        {
            brush = new XSolidBrush(XColor.FromArgb(color.R, color.G, color.B));
            _brushes.Add(color, brush);
        }

        return brush;
    }

    public XPen Pen(PdfColor color, float width, bool dashed)
    {
        if (!_pens.TryGetValue((color, width, dashed), out var pen))
        {
            pen = new XPen(XColor.FromArgb(color.R, color.G, color.B), width);
            if (dashed)
            {
                pen.DashStyle = XDashStyle.Dash;
            }

            _pens.Add((color, width, dashed), pen);
        }

        return pen;
    }

    public XImage Image(ImageData data)
    {
        if (!_images.TryGetValue(data, out var image))
        {
            image = XImage.FromStream(new MemoryStream(data.Bytes, writable: false));
            _images.Add(data, image);
        }

        return image;
    }

    public float Measure(string text, ResolvedTextStyle style) => TextMeasure.Width(fonts.Metrics, text, style.Size);

    public void Dispose()
    {
        foreach (var image in _images.Values)
        {
            image.Dispose();
        }

        _images.Clear();
    }
}
