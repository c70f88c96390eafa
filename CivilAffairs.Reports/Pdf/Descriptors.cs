using CivilAffairs.Reports.Pdf.Elements;
using CivilAffairs.Reports.Pdf.Rendering;

namespace CivilAffairs.Reports.Pdf;

/// <summary>Styles one span of a paragraph; the Align… methods apply to the whole paragraph.</summary>
public sealed class TextSpanDescriptor
{
    private readonly TextElement _paragraph;
    private readonly TextSpan _span;

    internal TextSpanDescriptor(TextElement paragraph, TextSpan span)
    {
        _paragraph = paragraph;
        _span = span;
    }

    /// <summary>Font size in points.</summary>
    public TextSpanDescriptor FontSize(float size) => Set(_span.Style.FontSize(size));

    /// <summary>Bold (simulated from the one Chinese face).</summary>
    public TextSpanDescriptor Bold(bool bold = true) => Set(_span.Style.Bold(bold));

    /// <summary>Text colour.</summary>
    public TextSpanDescriptor FontColor(PdfColor color) => Set(_span.Style.FontColor(color));

    /// <summary>Line height as a multiple of the font size.</summary>
    public TextSpanDescriptor LineHeight(float factor) => Set(_span.Style.LineHeight(factor));

    /// <summary>Applies a whole style (values it leaves unset stay as they are).</summary>
    public TextSpanDescriptor Style(TextStyle style)
    {
        ArgumentNullException.ThrowIfNull(style);
        return Set(style.Over(_span.Style));
    }

    /// <summary>Lines start on the left (the default).</summary>
    public TextSpanDescriptor AlignLeft() => Align(HorizontalAlignment.Left);

    /// <summary>Each line centred in the paragraph's box.</summary>
    public TextSpanDescriptor AlignCenter() => Align(HorizontalAlignment.Center);

    /// <summary>Each line ends on the right of the paragraph's box.</summary>
    public TextSpanDescriptor AlignRight() => Align(HorizontalAlignment.Right);

    private TextSpanDescriptor Align(HorizontalAlignment alignment)
    {
        _paragraph.Alignment = alignment;
        return this;
    }

    private TextSpanDescriptor Set(TextStyle style)
    {
        _span.Style = style;
        return this;
    }
}

/// <summary>Builds a paragraph from spans in different styles.</summary>
public sealed class TextDescriptor
{
    private readonly TextElement _paragraph;

    internal TextDescriptor(TextElement paragraph) => _paragraph = paragraph;

    /// <summary>Appends text; style it through the returned descriptor.</summary>
    public TextSpanDescriptor Span(string? text)
    {
        var span = new TextSpan(text ?? string.Empty);
        _paragraph.Spans.Add(span);
        return new TextSpanDescriptor(_paragraph, span);
    }

    /// <summary>Appends text and a line break.</summary>
    public TextSpanDescriptor Line(string? text)
    {
        var descriptor = Span(text);
        _paragraph.Spans.Add(new TextSpan("\n"));
        return descriptor;
    }

    /// <summary>Appends the page number, e.g. "第 {0} 页 / 共 {1} 页" ({0} = page, {1} = page count).</summary>
    public TextSpanDescriptor PageNumber(string format = "第 {0} 页 / 共 {1} 页")
    {
        ArgumentNullException.ThrowIfNull(format);
        var span = new TextSpan(format, isPageNumber: true);
        _paragraph.Spans.Add(span);
        return new TextSpanDescriptor(_paragraph, span);
    }

    /// <summary>Lines start on the left (the default).</summary>
    public void AlignLeft() => _paragraph.Alignment = HorizontalAlignment.Left;

    /// <summary>Lines centred.</summary>
    public void AlignCenter() => _paragraph.Alignment = HorizontalAlignment.Center;

    /// <summary>Lines end on the right.</summary>
    public void AlignRight() => _paragraph.Alignment = HorizontalAlignment.Right;
}

/// <summary>Adds items to a column (a vertical stack).</summary>
public sealed class ColumnDescriptor
{
    private readonly ColumnElement _column;

    internal ColumnDescriptor(ColumnElement column) => _column = column;

    /// <summary>Vertical space between items, in points.</summary>
    public void Spacing(float points) => _column.Spacing = points;

    /// <summary>A new item below the previous ones.</summary>
    public IContainer Item()
    {
        var item = new ContainerElement();
        _column.Items.Add(item);
        return item;
    }
}

/// <summary>Adds items to a row (side by side).</summary>
public sealed class RowDescriptor
{
    private readonly RowElement _row;

    internal RowDescriptor(RowElement row) => _row = row;

    /// <summary>Horizontal space between items, in points.</summary>
    public void Spacing(float points) => _row.Spacing = points;

    /// <summary>An item of a fixed width in points.</summary>
    public IContainer ConstantItem(float width) => Add(RowItemKind.Constant, width);

    /// <summary>An item sharing the width the other items leave, in proportion to <paramref name="weight"/>.</summary>
    public IContainer RelativeItem(float weight = 1) => Add(RowItemKind.Relative, weight);

    /// <summary>An item as wide as its content.</summary>
    public IContainer AutoItem() => Add(RowItemKind.Auto, 0);

    private ContainerElement Add(RowItemKind kind, float size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        var content = new ContainerElement();
        _row.Items.Add(new RowItem(kind, size, content));
        return content;
    }
}

/// <summary>Describes a table: columns, header cells, body cells and cell styles.</summary>
public sealed class TableDescriptor
{
    private readonly TableElement _table;

    internal TableDescriptor(TableElement table) => _table = table;

    /// <summary>Defines the columns (required, before or after the cells).</summary>
    public void ColumnsDefinition(Action<TableColumnsDescriptor> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        columns(new TableColumnsDescriptor(_table));
    }

    /// <summary>Header cells, repeated at the top of every page the table spans.</summary>
    public void Header(Action<TableHeaderDescriptor> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        header(new TableHeaderDescriptor(_table));
    }

    /// <summary>The next body cell (cells fill rows left to right).</summary>
    public ITableCellContainer Cell()
    {
        var cell = new TableCellSlot();
        _table.Cells.Add(cell);
        return cell;
    }

    /// <summary>
    /// How every body cell is framed, e.g. <c>c => c.Border(0.5f).PaddingHorizontal(3)</c>; the
    /// content goes into the container returned. Default: 0.5 pt grey border, 3 pt/2 pt padding.
    /// </summary>
    public void CellStyle(Func<IContainer, IContainer> style) => _table.CellStyle = style ?? throw new ArgumentNullException(nameof(style));

    /// <summary>How every header cell is framed. Default: as body cells, on a light grey background.</summary>
    public void HeaderCellStyle(Func<IContainer, IContainer> style) => _table.HeaderCellStyle = style ?? throw new ArgumentNullException(nameof(style));
}

/// <summary>Defines table columns.</summary>
public sealed class TableColumnsDescriptor
{
    private readonly TableElement _table;

    internal TableColumnsDescriptor(TableElement table) => _table = table;

    /// <summary>A column of a fixed width in points.</summary>
    public void ConstantColumn(float width)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(width);
        _table.Columns.Add(new TableColumn(false, width));
    }

    /// <summary>A column sharing the width the constant columns leave, in proportion to <paramref name="weight"/>.</summary>
    public void RelativeColumn(float weight = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(weight);
        _table.Columns.Add(new TableColumn(true, weight));
    }
}

/// <summary>Adds header cells.</summary>
public sealed class TableHeaderDescriptor
{
    private readonly TableElement _table;

    internal TableHeaderDescriptor(TableElement table) => _table = table;

    /// <summary>The next header cell; use <see cref="ContainerExtensions.ColumnSpan"/> for a cell over several columns.</summary>
    public ITableCellContainer Cell()
    {
        var cell = new TableCellSlot();
        _table.HeaderCells.Add(cell);
        return cell;
    }
}
