using CivilAffairs.Reports.Pdf.Rendering;

namespace CivilAffairs.Reports.Pdf.Elements;

/// <summary>Items stacked vertically with spacing; continues on the next page from the item that did not fit.</summary>
internal sealed class ColumnElement : Element
{
    private int _first;

    public List<ContainerElement> Items { get; } = [];

    public float Spacing { get; set; }

    public override IEnumerable<Element> Children => Items;

    public override void ResetState()
    {
        _first = 0;
        base.ResetState();
    }

    public override SpacePlan Measure(Size available)
    {
        if (_first >= Items.Count)
        {
            return SpacePlan.Empty;
        }

        float height = 0, width = 0;
        for (var i = _first; i < Items.Count; i++)
        {
            var gap = i > _first ? Spacing : 0;
            var room = available.Height - height - gap;
            var plan = room < -LayoutContext.Epsilon ? SpacePlan.Wrap : Items[i].Measure(new Size(available.Width, Math.Max(0, room)));
            if (plan.IsWrap)
            {
                return i == _first ? SpacePlan.Wrap : SpacePlan.Partial(width, height);
            }

            height += gap + plan.Height;
            width = Math.Max(width, plan.Width);
            if (plan.IsPartial)
            {
                return SpacePlan.Partial(width, height);
            }
        }

        return SpacePlan.Full(width, height);
    }

    public override void Draw(Size available, Canvas canvas)
    {
        // The first item of this page: _first moves on as items are drawn, the spacing must not.
        var start = _first;
        float top = 0;
        for (var i = start; i < Items.Count; i++)
        {
            var gap = i > start ? Spacing : 0;
            var room = available.Height - top - gap;
            var plan = room < -LayoutContext.Epsilon ? SpacePlan.Wrap : Items[i].Measure(new Size(available.Width, Math.Max(0, room)));
            if (plan.IsWrap)
            {
                break;
            }

            top += gap;
            canvas.Translate(0, top);
            Items[i].Draw(new Size(available.Width, plan.Height), canvas);
            canvas.Translate(0, -top);
            top += plan.Height;
            if (plan.IsPartial)
            {
                break;
            }

            _first = i + 1;
        }
    }
}

/// <summary>How a row item's width is decided.</summary>
internal enum RowItemKind : byte
{
    /// <summary>A fixed width in points.</summary>
    Constant,

    /// <summary>A share of the width left after constant and auto items.</summary>
    Relative,

    /// <summary>As wide as its content.</summary>
    Auto,
}

internal sealed record RowItem(RowItemKind Kind, float Size, ContainerElement Content);

/// <summary>Items side by side; the row is as tall as its tallest item, which all get that height to draw in.</summary>
internal sealed class RowElement : Element
{
    public List<RowItem> Items { get; } = [];

    public float Spacing { get; set; }

    public override IEnumerable<Element> Children => Items.Select(i => i.Content);

    public override SpacePlan Measure(Size available)
    {
        if (Items.Count == 0)
        {
            return SpacePlan.Empty;
        }

        var widths = Widths(available);
        float height = 0;
        var partial = false;
        for (var i = 0; i < Items.Count; i++)
        {
            var plan = Items[i].Content.Measure(new Size(widths[i], available.Height));
            if (plan.IsWrap)
            {
                return SpacePlan.Wrap;
            }

            partial |= plan.IsPartial;
            height = Math.Max(height, plan.Height);
        }

        var width = widths.Sum() + (Spacing * (Items.Count - 1));
        return partial ? SpacePlan.Partial(width, height) : SpacePlan.Full(width, height);
    }

    public override void Draw(Size available, Canvas canvas)
    {
        var widths = Widths(available);
        float x = 0;
        for (var i = 0; i < Items.Count; i++)
        {
            canvas.Translate(x, 0);
            Items[i].Content.Draw(new Size(widths[i], available.Height), canvas);
            canvas.Translate(-x, 0);
            x += widths[i] + Spacing;
        }
    }

    private float[] Widths(Size available)
    {
        var widths = new float[Items.Count];
        var left = available.Width - (Spacing * (Items.Count - 1));
        float weights = 0;
        for (var i = 0; i < Items.Count; i++)
        {
            if (Items[i].Kind == RowItemKind.Constant)
            {
                widths[i] = Items[i].Size;
                left -= widths[i];
            }
            else if (Items[i].Kind == RowItemKind.Relative)
            {
                weights += Items[i].Size;
            }
        }

        for (var i = 0; i < Items.Count; i++)
        {
            if (Items[i].Kind == RowItemKind.Auto)
            {
                var plan = Items[i].Content.Measure(new Size(Math.Max(0, left), LayoutContext.Unbounded));
                widths[i] = Math.Min(plan.Width, Math.Max(0, left));
                left -= widths[i];
            }
        }

        for (var i = 0; i < Items.Count; i++)
        {
            if (Items[i].Kind == RowItemKind.Relative)
            {
                widths[i] = weights > 0 ? Math.Max(0, left) * Items[i].Size / weights : 0;
            }
        }

        return widths;
    }
}
