using System.Globalization;
using CivilAffairs.Reports.Pdf.Elements;
using PdfSharp.Drawing;

namespace CivilAffairs.Reports.Pdf.Rendering;

/// <summary>One recorded drawing operation, in page coordinates.</summary>
internal abstract record DrawCommand
{
    public abstract void Render(RenderContext context);
}

/// <summary>A run of text in one style; Y is the baseline.</summary>
internal sealed record TextCommand(float X, float Y, string Text, float Size, bool Bold, PdfColor Color) : DrawCommand
{
    public override void Render(RenderContext context) =>
        context.Graphics.DrawString(Text, context.Font(Size, Bold), context.Brush(Color), X, Y, XStringFormats.BaseLineLeft);
}

/// <summary>A line containing a page number: texts are formatted, measured and aligned when the page count is known.</summary>
internal sealed record DynamicTextCommand(float X, float Y, float BoxWidth, HorizontalAlignment Alignment, DynamicRun[] Runs) : DrawCommand
{
    public override void Render(RenderContext context)
    {
        var texts = Runs.Select(r => r.IsPageNumber
            ? string.Format(CultureInfo.InvariantCulture, r.Text, context.PageNumber, context.PageCount)
            : r.Text).ToArray();
        var widths = texts.Select((t, i) => context.Measure(t, Runs[i].Style)).ToArray();
        var x = X + Alignment switch
        {
            HorizontalAlignment.Center => (BoxWidth - widths.Sum()) / 2,
            HorizontalAlignment.Right => BoxWidth - widths.Sum(),
            _ => 0,
        };
        for (var i = 0; i < texts.Length; i++)
        {
            if (texts[i].Length > 0)
            {
                var style = Runs[i].Style;
                context.Graphics.DrawString(texts[i], context.Font(style.Size, style.Bold), context.Brush(style.Color), x, Y, XStringFormats.BaseLineLeft);
            }

            x += widths[i];
        }
    }
}

internal sealed record RectangleCommand(float X, float Y, float Width, float Height, PdfColor? Fill, PdfColor? Stroke, float LineWidth) : DrawCommand
{
    public override void Render(RenderContext context)
    {
        if (Fill is { } fill)
        {
            context.Graphics.DrawRectangle(context.Brush(fill), X, Y, Width, Height);
        }

        if (Stroke is { } stroke)
        {
            context.Graphics.DrawRectangle(context.Pen(stroke, LineWidth, false), X, Y, Width, Height);
        }
    }
}

internal sealed record LineCommand(float X1, float Y1, float X2, float Y2, PdfColor Color, float LineWidth, bool Dashed) : DrawCommand
{
    public override void Render(RenderContext context) =>
        context.Graphics.DrawLine(context.Pen(Color, LineWidth, Dashed), X1, Y1, X2, Y2);
}

internal sealed record PolylineCommand((float X, float Y)[] Points, PdfColor Color, float LineWidth) : DrawCommand
{
    public override void Render(RenderContext context) =>
        context.Graphics.DrawLines(context.Pen(Color, LineWidth, false), Points.Select(p => new XPoint(p.X, p.Y)).ToArray());
}

internal sealed record EllipseCommand(float X, float Y, float Width, float Height, PdfColor Color) : DrawCommand
{
    public override void Render(RenderContext context) =>
        context.Graphics.DrawEllipse(context.Brush(Color), X, Y, Width, Height);
}

internal sealed record ImageCommand(float X, float Y, float Width, float Height, ImageData Image) : DrawCommand
{
    public override void Render(RenderContext context) =>
        context.Graphics.DrawImage(context.Image(Image), X, Y, Width, Height);
}
