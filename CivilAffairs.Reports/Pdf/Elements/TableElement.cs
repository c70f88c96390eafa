using CivilAffairs.Reports.Pdf.Rendering;

namespace CivilAffairs.Reports.Pdf.Elements;

/// <summary>A table column: a fixed width in points or a share of what the fixed ones leave.</summary>
internal sealed record TableColumn(bool IsRelative, float Size);

/// <summary>
/// A table: header rows repeated at the top of every page, then body rows. A body row that does
/// not fit moves to the next page whole; only a row taller than a whole page is split. Cells are
/// placed left to right and start a new row when their column span does not fit the current one.
/// </summary>
internal sealed class TableElement : Element
{
    private readonly List<PlacedCell[]> _header = [];
    private readonly List<PlacedCell[]> _rows = [];
    private bool _built;
    private int _nextRow;
    private bool _done;

    public List<TableColumn> Columns { get; } = [];

    public List<TableCellSlot> HeaderCells { get; } = [];

    public List<TableCellSlot> Cells { get; } = [];

    public Func<IContainer, IContainer> CellStyle { get; set; } = DefaultCellStyle;

    public Func<IContainer, IContainer> HeaderCellStyle { get; set; } = DefaultHeaderCellStyle;

    /// <summary>Number of body rows, for tests.</summary>
    public int RowCount => _rows.Count;

    public override IEnumerable<Element> Children => HeaderCells.Concat(Cells);

    public static IContainer DefaultCellStyle(IContainer cell) =>
        cell.Border(0.5f, PdfColors.Grey).PaddingHorizontal(3).PaddingVertical(2);

    public static IContainer DefaultHeaderCellStyle(IContainer cell) =>
        cell.Border(0.5f, PdfColors.Grey).Background(PdfColors.HeaderBackground).PaddingHorizontal(3).PaddingVertical(2);

    public override void Prepare(LayoutContext context, TextStyle inherited)
    {
        if (!_built)
        {
            if (Columns.Count == 0)
            {
                throw new InvalidOperationException("A table needs columns: call ColumnsDefinition(c => c.ConstantColumn(…) / c.RelativeColumn(…)).");
            }

            Build(HeaderCells, HeaderCellStyle, _header);
            Build(Cells, CellStyle, _rows);
            _built = true;
        }

        base.Prepare(context, inherited);
    }

    public override void ResetState()
    {
        _nextRow = 0;
        _done = false;
        base.ResetState();
    }

    public override SpacePlan Measure(Size available)
    {
        if (_done)
        {
            return SpacePlan.Empty;
        }

        var widths = ColumnWidths(available.Width);
        var headerHeight = HeaderHeight(widths, available.Height);
        if (headerHeight is not { } height)
        {
            return SpacePlan.Wrap;
        }

        var placed = 0;
        for (var r = _nextRow; r < _rows.Count; r++)
        {
            var row = MeasureRow(_rows[r], widths, available.Height - height);
            if (row.Full)
            {
                height += row.Height;
                placed++;
                continue;
            }

            if (placed == 0 && !row.Wrap && TallerThanAnyPage(_rows[r], widths, height))
            {
                return SpacePlan.Partial(available.Width, height + row.Height);
            }

            return placed == 0 ? SpacePlan.Wrap : SpacePlan.Partial(available.Width, height);
        }

        return SpacePlan.Full(available.Width, height);
    }

    public override void Draw(Size available, Canvas canvas)
    {
        var widths = ColumnWidths(available.Width);
        float top = 0;
        foreach (var row in _header)
        {
            var measured = MeasureRow(row, widths, available.Height - top);
            DrawRow(row, widths, top, measured.Height, canvas);
            top += measured.Height;
        }

        foreach (var cell in HeaderCells)
        {
            cell.ResetState(); // drawn again, whole, on the next page
        }

        var placed = 0;
        for (var r = _nextRow; r < _rows.Count; r++)
        {
            var row = MeasureRow(_rows[r], widths, available.Height - top);
            if (row.Full)
            {
                DrawRow(_rows[r], widths, top, row.Height, canvas);
                top += row.Height;
                placed++;
                _nextRow = r + 1;
                continue;
            }

            if (placed == 0 && !row.Wrap && TallerThanAnyPage(_rows[r], widths, top))
            {
                DrawRow(_rows[r], widths, top, row.Height, canvas);
            }

            break;
        }

        _done = _nextRow >= _rows.Count;
    }

    private static void DrawRow(PlacedCell[] row, float[] widths, float top, float height, Canvas canvas)
    {
        foreach (var cell in row)
        {
            var x = Offset(widths, cell.Column);
            canvas.Translate(x, top);
            cell.Content.Draw(new Size(Span(widths, cell), height), canvas);
            canvas.Translate(-x, -top);
        }
    }

    private float? HeaderHeight(float[] widths, float availableHeight)
    {
        float height = 0;
        foreach (var row in _header)
        {
            var measured = MeasureRow(row, widths, availableHeight - height);
            if (!measured.Full)
            {
                return null;
            }

            height += measured.Height;
        }

        return height;
    }

    private static (float Height, bool Full, bool Wrap) MeasureRow(PlacedCell[] row, float[] widths, float availableHeight)
    {
        float height = 0;
        var full = true;
        foreach (var cell in row)
        {
            var plan = availableHeight < -LayoutContext.Epsilon
                ? SpacePlan.Wrap
                : cell.Content.Measure(new Size(Span(widths, cell), Math.Max(0, availableHeight)));
            if (plan.IsWrap)
            {
                return (0, false, true);
            }

            full &= plan.IsFull;
            height = Math.Max(height, plan.Height);
        }

        return (height, full, false);
    }

    private bool TallerThanAnyPage(PlacedCell[] row, float[] widths, float headerHeight)
    {
        var page = (row.FirstOrDefault()?.Content.Context?.PageContentHeight ?? LayoutContext.Unbounded) - headerHeight;
        var whole = MeasureRow(row, widths, LayoutContext.Unbounded);
        return whole.Height > page + LayoutContext.Epsilon;
    }

    private float[] ColumnWidths(float available)
    {
        var widths = new float[Columns.Count];
        var left = available;
        float weights = 0;
        for (var i = 0; i < Columns.Count; i++)
        {
            if (Columns[i].IsRelative)
            {
                weights += Columns[i].Size;
            }
            else
            {
                widths[i] = Columns[i].Size;
                left -= widths[i];
            }
        }

        for (var i = 0; i < Columns.Count; i++)
        {
            if (Columns[i].IsRelative)
            {
                widths[i] = weights > 0 ? Math.Max(0, left) * Columns[i].Size / weights : 0;
            }
        }

        return widths;
    }

    private static float Offset(float[] widths, int column)
    {
        float x = 0;
        for (var i = 0; i < column; i++)
        {
            x += widths[i];
        }

        return x;
    }

    private static float Span(float[] widths, PlacedCell cell)
    {
        float w = 0;
        for (var i = cell.Column; i < cell.Column + cell.Span; i++)
        {
            w += widths[i];
        }

        return w;
    }

    private void Build(List<TableCellSlot> cells, Func<IContainer, IContainer> style, List<PlacedCell[]> rows)
    {
        var current = new List<PlacedCell>();
        var column = 0;
        foreach (var cell in cells)
        {
            // Wrap the cell's content in the table's cell style (border, padding…).
            var content = cell.Child;
            cell.Child = null;
            var inner = (ContainerElement)style(cell);
            inner.Child = content;

            var span = Math.Clamp(cell.ColumnSpan, 1, Columns.Count);
            if (column + span > Columns.Count)
            {
                rows.Add([.. current]);
                current.Clear();
                column = 0;
            }

            current.Add(new PlacedCell(cell, column, span));
            column += span;
        }

        if (current.Count > 0)
        {
            rows.Add([.. current]);
        }
    }

    private sealed record PlacedCell(TableCellSlot Content, int Column, int Span);
}
