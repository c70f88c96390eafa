using System.Globalization;
using System.Text;
using CivilAffairs.Reports.Pdf.Rendering;

namespace CivilAffairs.Reports.Pdf.Elements;

/// <summary>A piece of a paragraph in one style, or a page-number field.</summary>
internal sealed class TextSpan(string text, bool isPageNumber = false)
{
    public string Text { get; } = text;

    /// <summary>True when <see cref="Text"/> is a format with {0} = page number, {1} = page count.</summary>
    public bool IsPageNumber { get; } = isPageNumber;

    public TextStyle Style { get; set; } = TextStyle.Default;
}

/// <summary>One laid-out line: characters [Start, End) of the paragraph (trailing spaces excluded).</summary>
internal readonly record struct TextLine(int Start, int End, float Width, float Height, float Baseline);

/// <summary>
/// A paragraph of spans, broken into lines for the width offered (Chinese rules in
/// <see cref="LineBreaking"/>); lines flow onto the next page when the height runs out.
/// Line breaking depends only on the width and is cached, so measuring again is cheap.
/// </summary>
internal sealed class TextElement : Element
{
    /// <summary>Stands for a page-number field in the paragraph's text.</summary>
    private const char FieldMark = '\uFFFC';

    /// <summary>Placeholder numbers for measuring a page-number field before the page count is known.</summary>
    private const int PlaceholderNumber = 888;

    private string _text = string.Empty;
    private float[] _widths = [];
    private bool[] _breakBefore = [];
    private ResolvedTextStyle[] _styles = [];
    private int[] _styleOf = [];
    private Dictionary<int, TextSpan> _fields = [];

    private float _cachedWidth = float.NaN;
    private float _cachedMaxLine;
    private TextLine[] _cachedLines = [];

    private int _nextLine;

    public List<TextSpan> Spans { get; } = [];

    /// <summary>Alignment of the lines as set on the text itself (AlignCenter() on the text descriptor).</summary>
    public HorizontalAlignment? Alignment { get; set; }

    /// <summary>Alignment taken from an enclosing Align… container when the text sets none: <c>AlignRight().Text(…)</c> right-aligns every line.</summary>
    public HorizontalAlignment? InheritedAlignment { get; set; }

    private HorizontalAlignment LineAlignment => Alignment ?? InheritedAlignment ?? HorizontalAlignment.Left;

    /// <summary>The paragraph's text (page-number fields as U+FFFC), for tests.</summary>
    public string PreparedText => _text;

    public override void Prepare(LayoutContext context, TextStyle inherited)
    {
        var metrics = context.Fonts.Metrics;
        var builder = new StringBuilder();
        var styleOf = new List<int>();
        var styles = new List<ResolvedTextStyle>();
        var widths = new List<float>();
        var fields = new Dictionary<int, TextSpan>();
        foreach (var span in Spans)
        {
            var style = context.Resolve(span.Style.Over(inherited));
            var index = styles.IndexOf(style);
            if (index < 0)
            {
                styles.Add(style);
                index = styles.Count - 1;
            }

            if (span.IsPageNumber)
            {
                fields[builder.Length] = span;
                builder.Append(FieldMark);
                styleOf.Add(index);
                var sample = string.Format(CultureInfo.InvariantCulture, span.Text, PlaceholderNumber, PlaceholderNumber);
                widths.Add(TextMeasure.Width(metrics, sample, style.Size));
                continue;
            }

            var text = LineBreaking.Normalize(span.Text);
            for (var i = 0; i < text.Length; i++)
            {
                builder.Append(text[i]);
                styleOf.Add(index);
                if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    widths.Add(metrics.Advance(char.ConvertToUtf32(text[i], text[i + 1])) * style.Size);
                    builder.Append(text[++i]);
                    styleOf.Add(index);
                    widths.Add(0);
                }
                else
                {
                    widths.Add(text[i] == '\n' ? 0 : metrics.Advance(text[i]) * style.Size);
                }
            }
        }

        if (styles.Count == 0)
        {
            styles.Add(context.Resolve(inherited));
        }

        _text = builder.ToString();
        _styles = [.. styles];
        _styleOf = [.. styleOf];
        _widths = [.. widths];
        _fields = fields;
        _breakBefore = new bool[_text.Length];
        for (var i = 1; i < _text.Length; i++)
        {
            var previous = _text[i - 1];
            var current = _text[i];
            _breakBefore[i] = previous == FieldMark || current == FieldMark
                ? LineBreaking.Classify(current) is not (LineBreaking.CharClass.Space or LineBreaking.CharClass.Closing)
                : LineBreaking.BreakBetween(previous, current);
        }

        _cachedWidth = float.NaN;
    }

    public override void ResetState() => _nextLine = 0;

    public override SpacePlan Measure(Size available)
    {
        var lines = Lines(available.Width);
        if (_nextLine >= lines.Length)
        {
            return SpacePlan.Empty;
        }

        var (count, width, height) = Fit(lines, available.Height);
        if (count == 0)
        {
            return SpacePlan.Wrap;
        }

        return _nextLine + count == lines.Length ? SpacePlan.Full(width, height) : SpacePlan.Partial(width, height);
    }

    public override void Draw(Size available, Canvas canvas)
    {
        var lines = Lines(available.Width);
        var (count, _, _) = Fit(lines, available.Height);
        float top = 0;
        for (var i = _nextLine; i < _nextLine + count; i++)
        {
            DrawLine(lines[i], top, available.Width, canvas);
            top += lines[i].Height;
        }

        _nextLine += count;
    }

    /// <summary>The lines for a box <paramref name="maxWidth"/> wide (greedy, first fit).</summary>
    public TextLine[] Lines(float maxWidth)
    {
        // Lines broken for a wider box stay the same in any box at least as wide as their widest line.
        if (!float.IsNaN(_cachedWidth) && maxWidth <= _cachedWidth + LayoutContext.Epsilon && maxWidth >= _cachedMaxLine - LayoutContext.Epsilon)
        {
            return _cachedLines;
        }

        var lines = Break(maxWidth);
        _cachedWidth = maxWidth;
        _cachedLines = lines;
        _cachedMaxLine = 0;
        foreach (var line in lines)
        {
            _cachedMaxLine = Math.Max(_cachedMaxLine, line.Width);
        }

        return lines;
    }

    /// <summary>The text of each line, for tests and diagnostics.</summary>
    public IReadOnlyList<string> LineTexts(float maxWidth) =>
        Lines(maxWidth).Select(l => _text[l.Start..l.End]).ToArray();

    private (int Count, float Width, float Height) Fit(TextLine[] lines, float availableHeight)
    {
        float height = 0, width = 0;
        var count = 0;
        for (var i = _nextLine; i < lines.Length; i++)
        {
            if (height + lines[i].Height > availableHeight + LayoutContext.Epsilon)
            {
                break;
            }

            height += lines[i].Height;
            width = Math.Max(width, lines[i].Width);
            count++;
        }

        return (count, width, height);
    }

    private TextLine[] Break(float maxWidth)
    {
        var lines = new List<TextLine>();
        var text = _text;
        var n = text.Length;
        var i = 0;
        var wrapped = false;
        while (true)
        {
            if (wrapped)
            {
                while (i < n && text[i] == ' ')
                {
                    i++;
                }
            }

            var start = i;
            float width = 0, content = 0, contentAtBreak = 0;
            var lastBreak = -1;
            var k = i;
            var overflow = false;
            while (k < n && text[k] != '\n')
            {
                if (k > start && _breakBefore[k])
                {
                    lastBreak = k;
                    contentAtBreak = content;
                }

                var w = _widths[k];
                if (text[k] == ' ')
                {
                    width += w;
                    k++;
                    continue;
                }

                if (k > start && width + w > maxWidth + LayoutContext.Epsilon)
                {
                    overflow = true;
                    break;
                }

                width += w;
                content = width;
                k++;
            }

            if (overflow)
            {
                // Break at the last opportunity; a word wider than the whole line is split where it overflows.
                var end = lastBreak > start ? lastBreak : k;
                lines.Add(MakeLine(start, end, lastBreak > start ? contentAtBreak : content));
                i = end;
                wrapped = true;
                continue;
            }

            lines.Add(MakeLine(start, k, content));
            if (k >= n)
            {
                break;
            }

            i = k + 1; // past the line feed
            wrapped = false;
        }

        return [.. lines];
    }

    private TextLine MakeLine(int start, int end, float width)
    {
        while (end > start && _text[end - 1] == ' ')
        {
            end--;
        }

        var tallest = _styles[_styleOf.Length > 0 ? _styleOf[Math.Min(start, _styleOf.Length - 1)] : 0];
        for (var i = start; i < end; i++)
        {
            var style = _styles[_styleOf[i]];
            if (style.LineHeight > tallest.LineHeight)
            {
                tallest = style;
            }
        }

        return new TextLine(start, end, width, tallest.LineHeight, tallest.BaselineIn(tallest.LineHeight));
    }

    private void DrawLine(TextLine line, float top, float boxWidth, Canvas canvas)
    {
        if (line.End <= line.Start)
        {
            return;
        }

        var baseline = top + line.Baseline;
        if (_fields.Count > 0 && _text.AsSpan(line.Start, line.End - line.Start).Contains(FieldMark))
        {
            var runs = new List<DynamicRun>();
            ForEachRun(line, (start, end, style) =>
            {
                for (var i = start; i < end;)
                {
                    if (_text[i] == FieldMark)
                    {
                        runs.Add(new DynamicRun(_fields[i].Text, true, style));
                        i++;
                        continue;
                    }

                    var stop = _text.IndexOf(FieldMark, i, end - i);
                    stop = stop < 0 ? end : stop;
                    runs.Add(new DynamicRun(_text[i..stop], false, style));
                    i = stop;
                }
            });
            canvas.DynamicText(0, baseline, boxWidth, LineAlignment, [.. runs]);
            return;
        }

        var x = LineAlignment switch
        {
            HorizontalAlignment.Center => (boxWidth - line.Width) / 2,
            HorizontalAlignment.Right => boxWidth - line.Width,
            _ => 0,
        };
        ForEachRun(line, (start, end, style) =>
        {
            canvas.Text(x, baseline, _text[start..end], style);
            for (var i = start; i < end; i++)
            {
                x += _widths[i];
            }
        });
    }

    private void ForEachRun(TextLine line, Action<int, int, ResolvedTextStyle> run)
    {
        var start = line.Start;
        for (var i = line.Start + 1; i <= line.End; i++)
        {
            if (i == line.End || _styleOf[i] != _styleOf[start])
            {
                run(start, i, _styles[_styleOf[start]]);
                start = i;
            }
        }
    }
}
