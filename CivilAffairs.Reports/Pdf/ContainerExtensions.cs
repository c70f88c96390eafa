using CivilAffairs.Reports.Pdf.Elements;
using CivilAffairs.Reports.Pdf.Rendering;

namespace CivilAffairs.Reports.Pdf;

/// <summary>
/// The fluent vocabulary for filling an <see cref="IContainer"/>. Lengths are in points
/// (1/72 inch; 1 mm ≈ 2.83 pt).
/// </summary>
public static class ContainerExtensions
{
    // ---- wrappers: return the inner slot --------------------------------------------------------

    /// <summary>The same space on all four sides.</summary>
    public static IContainer Padding(this IContainer container, float all) => container.Padding(all, all, all, all);

    /// <summary>Space on each side.</summary>
    public static IContainer Padding(this IContainer container, float left, float top, float right, float bottom) =>
        Wrap(container, new PaddingElement(left, top, right, bottom));

    /// <summary>Space left and right.</summary>
    public static IContainer PaddingHorizontal(this IContainer container, float value) => container.Padding(value, 0, value, 0);

    /// <summary>Space above and below.</summary>
    public static IContainer PaddingVertical(this IContainer container, float value) => container.Padding(0, value, 0, value);

    /// <summary>Space above.</summary>
    public static IContainer PaddingTop(this IContainer container, float value) => container.Padding(0, value, 0, 0);

    /// <summary>Space below.</summary>
    public static IContainer PaddingBottom(this IContainer container, float value) => container.Padding(0, 0, 0, value);

    /// <summary>Space on the left.</summary>
    public static IContainer PaddingLeft(this IContainer container, float value) => container.Padding(value, 0, 0, 0);

    /// <summary>Space on the right.</summary>
    public static IContainer PaddingRight(this IContainer container, float value) => container.Padding(0, 0, value, 0);

    /// <summary>A frame of the given line width around the space given (takes no space itself; add Padding inside).</summary>
    public static IContainer Border(this IContainer container, float width, PdfColor? color = null) =>
        Wrap(container, new BorderElement(width, width, width, width, color ?? PdfColors.Black));

    /// <summary>A line along the top edge.</summary>
    public static IContainer BorderTop(this IContainer container, float width, PdfColor? color = null) =>
        Wrap(container, new BorderElement(0, width, 0, 0, color ?? PdfColors.Black));

    /// <summary>A line along the bottom edge.</summary>
    public static IContainer BorderBottom(this IContainer container, float width, PdfColor? color = null) =>
        Wrap(container, new BorderElement(0, 0, 0, width, color ?? PdfColors.Black));

    /// <summary>A fill behind the content, as large as the space given (a whole table cell, say).</summary>
    public static IContainer Background(this IContainer container, PdfColor color) => Wrap(container, new BackgroundElement(color));

    /// <summary>Content at its own width, on the left.</summary>
    public static IContainer AlignLeft(this IContainer container) => Wrap(container, new AlignmentElement(HorizontalAlignment.Left, null));

    /// <summary>Content at its own width, centred.</summary>
    public static IContainer AlignCenter(this IContainer container) => Wrap(container, new AlignmentElement(HorizontalAlignment.Center, null));

    /// <summary>Content at its own width, on the right (numbers in tables).</summary>
    public static IContainer AlignRight(this IContainer container) => Wrap(container, new AlignmentElement(HorizontalAlignment.Right, null));

    /// <summary>Content at its own height, at the top of the space given.</summary>
    public static IContainer AlignTop(this IContainer container) => Wrap(container, new AlignmentElement(null, VerticalAlignment.Top));

    /// <summary>Content at its own height, in the middle of the space given (e.g. of a table row).</summary>
    public static IContainer AlignMiddle(this IContainer container) => Wrap(container, new AlignmentElement(null, VerticalAlignment.Middle));

    /// <summary>Content at its own height, at the bottom of the space given.</summary>
    public static IContainer AlignBottom(this IContainer container) => Wrap(container, new AlignmentElement(null, VerticalAlignment.Bottom));

    /// <summary>Exactly this wide.</summary>
    public static IContainer Width(this IContainer container, float width) =>
        Wrap(container, new ConstrainedElement { MinWidth = width, MaxWidth = width });

    /// <summary>At least this wide.</summary>
    public static IContainer MinWidth(this IContainer container, float width) => Wrap(container, new ConstrainedElement { MinWidth = width });

    /// <summary>At most this wide.</summary>
    public static IContainer MaxWidth(this IContainer container, float width) => Wrap(container, new ConstrainedElement { MaxWidth = width });

    /// <summary>Exactly this high (content beyond it continues on the next page).</summary>
    public static IContainer Height(this IContainer container, float height) =>
        Wrap(container, new ConstrainedElement { MinHeight = height, MaxHeight = height });

    /// <summary>At least this high.</summary>
    public static IContainer MinHeight(this IContainer container, float height) => Wrap(container, new ConstrainedElement { MinHeight = height });

    /// <summary>At most this high.</summary>
    public static IContainer MaxHeight(this IContainer container, float height) => Wrap(container, new ConstrainedElement { MaxHeight = height });

    /// <summary>The text style the content inherits (spans may still override it).</summary>
    public static IContainer DefaultTextStyle(this IContainer container, Func<TextStyle, TextStyle> style)
    {
        ArgumentNullException.ThrowIfNull(style);
        return Wrap(container, new DefaultTextStyleElement(style));
    }

    /// <summary>Keeps the content on one page: if it does not fit whole, it starts on the next page.</summary>
    public static IContainer ShowEntire(this IContainer container) => Wrap(container, new ShowEntireElement());

    /// <summary>Lets a table cell span several columns (header cells especially).</summary>
    public static ITableCellContainer ColumnSpan(this ITableCellContainer cell, int columns)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        ((TableCellSlot)cell).ColumnSpan = columns;
        return cell;
    }

    // ---- content: fill the slot ------------------------------------------------------------------

    /// <summary>A paragraph in one style; returns the span to style it (FontSize, Bold, AlignCenter…).</summary>
    public static TextSpanDescriptor Text(this IContainer container, string? text)
    {
        var element = Fill(container, new TextElement());
        var span = new TextSpan(text ?? string.Empty);
        element.Spans.Add(span);
        return new TextSpanDescriptor(element, span);
    }

    /// <summary>A paragraph of several spans with their own styles.</summary>
    public static void Text(this IContainer container, Action<TextDescriptor> content)
    {
        ArgumentNullException.ThrowIfNull(content);
        content(new TextDescriptor(Fill(container, new TextElement())));
    }

    /// <summary>
    /// The page number, e.g. "第 {0} 页 / 共 {1} 页" ({0} = this page, {1} = page count, known
    /// after the whole document is laid out); usually in the footer.
    /// </summary>
    public static TextSpanDescriptor PageNumber(this IContainer container, string format = "第 {0} 页 / 共 {1} 页")
    {
        ArgumentNullException.ThrowIfNull(format);
        var element = Fill(container, new TextElement());
        var span = new TextSpan(format, isPageNumber: true);
        element.Spans.Add(span);
        return new TextSpanDescriptor(element, span);
    }

    /// <summary>Items stacked vertically; continues across pages.</summary>
    public static void Column(this IContainer container, Action<ColumnDescriptor> content)
    {
        ArgumentNullException.ThrowIfNull(content);
        content(new ColumnDescriptor(Fill(container, new ColumnElement())));
    }

    /// <summary>Items side by side (constant, relative and auto widths).</summary>
    public static void Row(this IContainer container, Action<RowDescriptor> content)
    {
        ArgumentNullException.ThrowIfNull(content);
        content(new RowDescriptor(Fill(container, new RowElement())));
    }

    /// <summary>A table with a header repeated on every page; rows are never split (unless taller than a page).</summary>
    public static void Table(this IContainer container, Action<TableDescriptor> content)
    {
        ArgumentNullException.ThrowIfNull(content);
        content(new TableDescriptor(Fill(container, new TableElement())));
    }

    /// <summary>A PNG or JPEG image, scaled keeping its aspect ratio.</summary>
    /// <exception cref="ArgumentException">The bytes are neither PNG nor JPEG.</exception>
    public static void Image(this IContainer container, byte[] imageBytes, ImageScaling scaling = ImageScaling.FitWidth) =>
        Fill(container, new ImageElement(ImageData.From(imageBytes), scaling));

    /// <summary>A bar chart as wide as the space offered and <see cref="ChartData.Height"/> high.</summary>
    public static void BarChart(this IContainer container, BarChartData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        data.Validate();
        Fill(container, new ChartElement(data));
    }

    /// <summary>A line chart as wide as the space offered and <see cref="ChartData.Height"/> high.</summary>
    public static void LineChart(this IContainer container, LineChartData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        data.Validate();
        Fill(container, new ChartElement(data));
    }

    /// <summary>A horizontal rule.</summary>
    public static void LineHorizontal(this IContainer container, float thickness = 0.5f, PdfColor? color = null) =>
        Fill(container, new LineElement(thickness, color ?? PdfColors.Black));

    /// <summary>Ends the page: what follows starts on the next one.</summary>
    public static void PageBreak(this IContainer container) => Fill(container, new PageBreakElement());

    /// <summary>Hands the slot to a method that composes it (a reusable part of a report).</summary>
    public static void Element(this IContainer container, Action<IContainer> compose)
    {
        ArgumentNullException.ThrowIfNull(compose);
        compose(container);
    }

    private static IContainer Wrap(IContainer container, ContainerElement element)
    {
        Fill(container, element);
        return element;
    }

    private static T Fill<T>(IContainer container, T element)
        where T : Element
    {
        ArgumentNullException.ThrowIfNull(container);
        var slot = container as ContainerElement
            ?? throw new ArgumentException("Use the containers the document composer hands out.", nameof(container));
        if (slot.Child is not null)
        {
            throw new InvalidOperationException("This container already has content; use Column() or Row() to place several elements.");
        }

        slot.Child = element;
        return element;
    }
}
