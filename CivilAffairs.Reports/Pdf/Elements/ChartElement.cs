using System.Globalization;
using CivilAffairs.Reports.Pdf.Rendering;

namespace CivilAffairs.Reports.Pdf.Elements;

/// <summary>
/// A bar or line chart drawn with vector graphics: value axis with round ticks and grid lines,
/// category labels (shrunk or thinned to fit), optional values, dashed target line and legend.
/// As wide as the space offered, <see cref="ChartData.Height"/> high; never split.
/// </summary>
internal sealed class ChartElement(ChartData data) : Element
{
    private const float AxisFont = 7.5f;
    private const float ValueFont = 6.5f;
    private const float TitleFont = 10f;

    private LayoutContext? _context;
    private bool _drawn;

    public override void Prepare(LayoutContext context, TextStyle inherited) => _context = context;

    public override void ResetState() => _drawn = false;

    public override SpacePlan Measure(Size available) =>
        _drawn ? SpacePlan.Empty
        : data.Height <= available.Height + LayoutContext.Epsilon ? SpacePlan.Full(available.Width, data.Height)
        : SpacePlan.Wrap;

    public override void Draw(Size available, Canvas canvas)
    {
        _drawn = true;
        var context = _context ?? throw new InvalidOperationException("Chart drawn before layout was prepared.");
        var width = available.Width;
        var axis = Style(context, AxisFont, PdfColors.Black);
        var top = 0f;

        if (!string.IsNullOrEmpty(data.Title))
        {
            var title = Style(context, TitleFont, PdfColors.Black, bold: true);
            Centered(canvas, context, data.Title, width / 2, top + title.Ascent, title);
            top += title.LineHeight + 4;
        }

        if (!string.IsNullOrEmpty(data.Unit))
        {
            canvas.Text(0, top + axis.Ascent, data.Unit, axis);
            top += axis.LineHeight;
        }

        var showLegend = data.Series.Count > 1 || data.Target is not null;
        var legendHeight = showLegend ? axis.LineHeight + 6 : 0;
        var bottom = data.Height - legendHeight - axis.LineHeight - 4;

        // Value scale with round ticks (1, 2, 5 × 10^n), room above the highest bar for its value.
        var values = data.Series.SelectMany(s => s.Values).Append(0d);
        if (data.Target is { } t)
        {
            values = values.Append(t);
        }

        var (min, max, step) = NiceScale(values.Min(), values.Max());
        if (data.ShowValues && max - data.Series.SelectMany(s => s.Values).DefaultIfEmpty(0).Max() < (max - min) * 0.08)
        {
            max += step;
        }

        var ticks = new List<double>();
        for (var v = min; v <= max + (step / 2); v += step)
        {
            ticks.Add(Math.Round(v, 10));
        }

        var labelWidth = ticks.Max(v => Measure(context, Format(v), axis));
        var left = labelWidth + 6;
        var right = width - 4;
        var plotTop = top + (axis.LineHeight / 2);
        float Y(double v) => (float)(bottom - ((v - min) / (max - min) * (bottom - plotTop)));

        foreach (var v in ticks)
        {
            var y = Y(v);
            canvas.Line(left, y, right, y, v == 0 ? PdfColors.Grey : PdfColors.LightGrey, v == 0 ? 0.6f : 0.4f);
            var label = Format(v);
            canvas.Text(left - 4 - Measure(context, label, axis), y + (axis.Ascent / 2.6f), label, axis);
        }

        canvas.Line(left, plotTop, left, bottom, PdfColors.Grey, 0.6f);

        var n = data.Categories.Count;
        var slot = (right - left) / n;
        DrawCategoryLabels(canvas, context, left, slot, bottom + 3);

        var valueStyle = Style(context, ValueFont, PdfColors.Black);
        if (data is BarChartData)
        {
            DrawBars(canvas, context, left, slot, Y, valueStyle);
        }
        else
        {
            DrawLines(canvas, context, left, slot, Y, valueStyle);
        }

        if (data.Target is { } target)
        {
            var y = Y(target);
            canvas.Line(left, y, right, y, PdfColors.Red, 0.9f, dashed: true);
            var label = TargetLabel();
            var style = Style(context, ValueFont, PdfColors.Red);
            var targetWidth = Measure(context, label, style);
            canvas.FillRectangle(right - targetWidth - 1, y - 2 - style.Ascent, targetWidth + 2, style.Ascent + 1, PdfColors.White);
            canvas.Text(right - targetWidth, y - 2, label, style);
        }

        if (showLegend)
        {
            DrawLegend(canvas, context, width, data.Height - legendHeight + 4, axis);
        }
    }

    private void DrawBars(Canvas canvas, LayoutContext context, float left, float slot, Func<double, float> y, ResolvedTextStyle valueStyle)
    {
        var group = slot * 0.7f;
        var bar = group / data.Series.Count;
        var zero = y(0);
        for (var s = 0; s < data.Series.Count; s++)
        {
            var color = SeriesColor(s);
            for (var i = 0; i < data.Categories.Count; i++)
            {
                var value = data.Series[s].Values[i];
                var x = left + (slot * i) + ((slot - group) / 2) + (bar * s);
                var top = Math.Min(y(value), zero);
                canvas.FillRectangle(x, top, bar, Math.Abs(zero - y(value)), color);
                if (data.ShowValues)
                {
                    var label = Format(value);
                    var w = Measure(context, label, valueStyle);
                    if (w <= bar + (data.Series.Count == 1 ? slot - group : 2))
                    {
                        var baseline = value >= 0 ? top - 2 : top + Math.Abs(zero - y(value)) + valueStyle.Ascent + 1;
                        canvas.Text(x + ((bar - w) / 2), baseline, label, valueStyle);
                    }
                }
            }
        }
    }

    private void DrawLines(Canvas canvas, LayoutContext context, float left, float slot, Func<double, float> y, ResolvedTextStyle valueStyle)
    {
        for (var s = 0; s < data.Series.Count; s++)
        {
            var color = SeriesColor(s);
            var points = data.Series[s].Values.Select((v, i) => (X: left + (slot * i) + (slot / 2), Y: y(v))).ToArray();
            if (points.Length > 1)
            {
                canvas.Polyline(points, color, 1.2f);
            }

            for (var i = 0; i < points.Length; i++)
            {
                canvas.FillEllipse(points[i].X - 1.8f, points[i].Y - 1.8f, 3.6f, 3.6f, color);
                if (data.ShowValues)
                {
                    var label = Format(data.Series[s].Values[i]);
                    var w = Measure(context, label, valueStyle);
                    if (w <= slot + 2)
                    {
                        canvas.Text(points[i].X - (w / 2), points[i].Y - 3.5f, label, valueStyle);
                    }
                }
            }
        }
    }

    private void DrawCategoryLabels(Canvas canvas, LayoutContext context, float left, float slot, float top)
    {
        // Shrink the labels until the widest fits its slot (down to 5 pt); then label every k-th category.
        var size = AxisFont;
        float Widest(float s) => data.Categories.Max(c => Measure(context, c, Style(context, s, PdfColors.Black)));
        while (size > 5 && Widest(size) > slot - 2)
        {
            size -= 0.5f;
        }

        var style = Style(context, size, PdfColors.Black);
        var every = Math.Max(1, (int)Math.Ceiling(Widest(size) / Math.Max(1, slot - 2)));
        for (var i = 0; i < data.Categories.Count; i += every)
        {
            Centered(canvas, context, data.Categories[i], left + (slot * i) + (slot / 2), top + style.Ascent, style);
        }
    }

    private void DrawLegend(Canvas canvas, LayoutContext context, float width, float top, ResolvedTextStyle style)
    {
        var entries = data.Series.Select((s, i) => (Name: s.Name, Color: SeriesColor(i), Dashed: false)).ToList();
        if (data.Target is not null)
        {
            entries.Add((TargetLabel(), PdfColors.Red, true));
        }

        var total = entries.Sum(e => 14 + Measure(context, e.Name, style) + 12);
        var x = Math.Max(0, (width - total) / 2);
        var middle = top + (style.LineHeight / 2);
        foreach (var (name, color, dashed) in entries)
        {
            if (dashed || data is LineChartData)
            {
                canvas.Line(x, middle, x + 10, middle, color, dashed ? 0.9f : 1.2f, dashed);
            }
            else
            {
                canvas.FillRectangle(x, middle - 4, 10, 8, color);
            }

            x += 14;
            canvas.Text(x, top + style.BaselineIn(style.LineHeight), name, style);
            x += Measure(context, name, style) + 12;
        }
    }

    private string TargetLabel() => data.TargetLabel ?? $"目标 {Format(data.Target ?? 0)}";

    private PdfColor SeriesColor(int index) =>
        data.Series[index].Color ?? PdfColors.ChartPalette[index % PdfColors.ChartPalette.Count];

    private string Format(double value) => value.ToString(data.ValueFormat, CultureInfo.InvariantCulture);

    private static ResolvedTextStyle Style(LayoutContext context, float size, PdfColor color, bool bold = false) =>
        context.Resolve(TextStyle.Default.FontSize(size).FontColor(color).Bold(bold));

    private static float Measure(LayoutContext context, string text, ResolvedTextStyle style) =>
        TextMeasure.Width(context.Fonts.Metrics, text, style.Size);

    private static void Centered(Canvas canvas, LayoutContext context, string text, float centre, float baseline, ResolvedTextStyle style) =>
        canvas.Text(centre - (Measure(context, text, style) / 2), baseline, text, style);

    /// <summary>Axis bounds and step on round numbers, about five intervals.</summary>
    internal static (double Min, double Max, double Step) NiceScale(double min, double max)
    {
        if (max - min < 1e-12)
        {
            max = min + 1;
        }

        var raw = (max - min) / 5;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var fraction = raw / magnitude;
        var step = (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * magnitude;
        return (Math.Floor(min / step) * step, Math.Ceiling(max / step) * step, step);
    }
}
