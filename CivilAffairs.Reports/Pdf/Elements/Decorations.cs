using CivilAffairs.Reports.Pdf.Rendering;

namespace CivilAffairs.Reports.Pdf.Elements;

/// <summary>Space around the child.</summary>
internal sealed class PaddingElement(float left, float top, float right, float bottom) : ContainerElement
{
    public override SpacePlan Measure(Size available)
    {
        var inner = new Size(available.Width - left - right, available.Height - top - bottom);
        if (inner.Width < -LayoutContext.Epsilon || inner.Height < -LayoutContext.Epsilon)
        {
            return SpacePlan.Wrap;
        }

        var plan = Child?.Measure(new Size(Math.Max(0, inner.Width), Math.Max(0, inner.Height))) ?? SpacePlan.Empty;
        return plan.IsWrap ? plan : plan with { Width = plan.Width + left + right, Height = plan.Height + top + bottom };
    }

    public override void Draw(Size available, Canvas canvas)
    {
        canvas.Translate(left, top);
        Child?.Draw(new Size(Math.Max(0, available.Width - left - right), Math.Max(0, available.Height - top - bottom)), canvas);
        canvas.Translate(-left, -top);
    }
}

/// <summary>A fill behind the child, as large as the space the parent gives it.</summary>
internal sealed class BackgroundElement(PdfColor color) : ContainerElement
{
    public override void Draw(Size available, Canvas canvas)
    {
        canvas.FillRectangle(0, 0, available.Width, available.Height, color);
        base.Draw(available, canvas);
    }
}

/// <summary>
/// Lines on the edges of the space the parent gives the child, centred on the edge and taking no
/// space (as in QuestPDF): neighbouring table cells share their borders.
/// </summary>
internal sealed class BorderElement(float left, float top, float right, float bottom, PdfColor color) : ContainerElement
{
    public override void Draw(Size available, Canvas canvas)
    {
        base.Draw(available, canvas);
        var (w, h) = (available.Width, available.Height);
        if (left == top && top == right && right == bottom && left > 0)
        {
            canvas.StrokeRectangle(0, 0, w, h, color, left);
            return;
        }

        if (top > 0)
        {
            canvas.Line(-left / 2, 0, w + (right / 2), 0, color, top);
        }

        if (bottom > 0)
        {
            canvas.Line(-left / 2, h, w + (right / 2), h, color, bottom);
        }

        if (left > 0)
        {
            canvas.Line(0, 0, 0, h, color, left);
        }

        if (right > 0)
        {
            canvas.Line(w, 0, w, h, color, right);
        }
    }
}

/// <summary>Places the child, measured at its own size, left/centre/right and top/middle/bottom in the space given.</summary>
internal sealed class AlignmentElement(HorizontalAlignment? horizontal, VerticalAlignment? vertical) : ContainerElement
{
    public override void Prepare(LayoutContext context, TextStyle inherited)
    {
        // Lines of a paragraph follow the box: this also centres a page number exactly once its digits are known.
        if (horizontal is { } alignment && Child is TextElement text)
        {
            text.InheritedAlignment = alignment;
        }

        base.Prepare(context, inherited);
    }

    public override void Draw(Size available, Canvas canvas)
    {
        if (Child is null)
        {
            return;
        }

        var plan = Child.Measure(available);
        if (plan.IsWrap)
        {
            return;
        }

        var dx = horizontal switch
        {
            HorizontalAlignment.Center => (available.Width - plan.Width) / 2,
            HorizontalAlignment.Right => available.Width - plan.Width,
            _ => 0,
        };
        var dy = vertical switch
        {
            VerticalAlignment.Middle => (available.Height - plan.Height) / 2,
            VerticalAlignment.Bottom => available.Height - plan.Height,
            _ => 0,
        };
        var size = new Size(horizontal is null ? available.Width : plan.Width, vertical is null ? available.Height : plan.Height);
        canvas.Translate(dx, dy);
        Child.Draw(size, canvas);
        canvas.Translate(-dx, -dy);
    }
}

/// <summary>Fixed, minimum or maximum width and height.</summary>
internal sealed class ConstrainedElement : ContainerElement
{
    public float? MinWidth { get; set; }

    public float? MaxWidth { get; set; }

    public float? MinHeight { get; set; }

    public float? MaxHeight { get; set; }

    public override SpacePlan Measure(Size available)
    {
        if ((MinWidth ?? 0) > available.Width + LayoutContext.Epsilon || (MinHeight ?? 0) > available.Height + LayoutContext.Epsilon)
        {
            return SpacePlan.Wrap;
        }

        var plan = Child?.Measure(Inner(available)) ?? SpacePlan.Empty;
        if (plan.IsWrap)
        {
            return plan;
        }

        return plan with
        {
            Width = Math.Clamp(plan.Width, MinWidth ?? 0, MaxWidth ?? float.MaxValue),
            Height = Math.Clamp(plan.Height, MinHeight ?? 0, MaxHeight ?? float.MaxValue),
        };
    }

    public override void Draw(Size available, Canvas canvas) => Child?.Draw(Inner(available), canvas);

    private Size Inner(Size available) =>
        new(Math.Min(available.Width, MaxWidth ?? float.MaxValue), Math.Min(available.Height, MaxHeight ?? float.MaxValue));
}

/// <summary>Sets the text style its descendants inherit.</summary>
internal sealed class DefaultTextStyleElement(Func<TextStyle, TextStyle> style) : ContainerElement
{
    public override void Prepare(LayoutContext context, TextStyle inherited) =>
        base.Prepare(context, style(TextStyle.Default).Over(inherited));
}

/// <summary>Ends the page here; the content after it starts on the next page.</summary>
internal sealed class PageBreakElement : Element
{
    private bool _broken;

    public override SpacePlan Measure(Size available) => _broken ? SpacePlan.Empty : SpacePlan.Partial(0, 0);

    public override void Draw(Size available, Canvas canvas) => _broken = true;

    public override void ResetState() => _broken = false;
}

/// <summary>Keeps the child on one page: if it does not fit whole it moves to the next (unless it is taller than a page).</summary>
internal sealed class ShowEntireElement : ContainerElement
{
    public override SpacePlan Measure(Size available)
    {
        var plan = base.Measure(available);
        if (!plan.IsPartial || Child is null || Context is null)
        {
            return plan;
        }

        var whole = Child.Measure(new Size(available.Width, LayoutContext.Unbounded));
        return whole.Height > Context.PageContentHeight + LayoutContext.Epsilon ? plan : SpacePlan.Wrap;
    }
}

/// <summary>A horizontal rule across the space given.</summary>
internal sealed class LineElement(float thickness, PdfColor color) : Element
{
    private bool _drawn;

    public override SpacePlan Measure(Size available) =>
        _drawn ? SpacePlan.Empty : thickness <= available.Height + LayoutContext.Epsilon ? SpacePlan.Full(available.Width, thickness) : SpacePlan.Wrap;

    public override void Draw(Size available, Canvas canvas)
    {
        canvas.Line(0, thickness / 2, available.Width, thickness / 2, color, thickness);
        _drawn = true;
    }

    public override void ResetState() => _drawn = false;
}
