using CivilAffairs.Reports.Pdf.Rendering;

namespace CivilAffairs.Reports.Pdf.Elements;

/// <summary>A width and height in points.</summary>
internal readonly record struct Size(float Width, float Height);

/// <summary>How an element fits in the space offered.</summary>
internal enum SpacePlanKind : byte
{
    /// <summary>Nothing fits: the element must move to the next page.</summary>
    Wrap,

    /// <summary>Some content fits; the rest continues on the next page.</summary>
    PartialRender,

    /// <summary>All (remaining) content fits.</summary>
    FullRender,
}

/// <summary>The result of measuring: what fits and how much space it takes.</summary>
internal readonly record struct SpacePlan(SpacePlanKind Kind, float Width, float Height)
{
    public static SpacePlan Wrap { get; } = new(SpacePlanKind.Wrap, 0, 0);

    public static SpacePlan Empty { get; } = new(SpacePlanKind.FullRender, 0, 0);

    public bool IsWrap => Kind == SpacePlanKind.Wrap;

    public bool IsFull => Kind == SpacePlanKind.FullRender;

    public bool IsPartial => Kind == SpacePlanKind.PartialRender;

    public static SpacePlan Full(float width, float height) => new(SpacePlanKind.FullRender, width, height);

    public static SpacePlan Partial(float width, float height) => new(SpacePlanKind.PartialRender, width, height);
}

/// <summary>What every element can see while laying out: the font and the current page.</summary>
internal sealed class LayoutContext(PdfFonts fonts)
{
    /// <summary>Sizes closer than this are equal (float sums of glyph widths).</summary>
    public const float Epsilon = 0.01f;

    /// <summary>A height larger than any page: measuring in it gives an element's whole height.</summary>
    public const float Unbounded = 1_000_000f;

    public PdfFonts Fonts { get; } = fonts;

    /// <summary>
    /// Height of the content area of the current page. Rows and keep-together blocks that are
    /// taller than this can never move to a page where they fit, so they split instead.
    /// </summary>
    public float PageContentHeight { get; set; } = Unbounded;

    public ResolvedTextStyle Resolve(TextStyle style) => ResolvedTextStyle.From(style, Fonts.Metrics);
}

/// <summary>A text style with every value known, and the font metrics at that size.</summary>
internal readonly record struct ResolvedTextStyle(float Size, bool Bold, PdfColor Color, float LineHeight, float Ascent, float Descent)
{
    public const float DefaultSize = 10;

    public static ResolvedTextStyle From(TextStyle style, Fonts.FontMetrics metrics)
    {
        var size = style.Size ?? DefaultSize;
        var lineHeight = size * (style.LineHeightFactor ?? metrics.NaturalLineHeight);
        return new ResolvedTextStyle(size, style.IsBold ?? false, style.Color ?? PdfColors.Black, lineHeight, size * metrics.Ascent, size * metrics.Descent);
    }

    /// <summary>Offset of the baseline from the top of a line <paramref name="lineHeight"/> high: glyph box centred in the line.</summary>
    public float BaselineIn(float lineHeight) => ((lineHeight - Ascent - Descent) / 2) + Ascent;
}

/// <summary>
/// A layout element, in the manner of QuestPDF: it first measures itself in the space offered
/// (<see cref="Measure"/>, free of side effects), then draws what fits (<see cref="Draw"/>),
/// remembering where to continue on the next page. Elements are internal; documents are
/// composed through the public fluent API.
/// </summary>
internal abstract class Element
{
    /// <summary>What fits in <paramref name="available"/> of the content not yet drawn.</summary>
    public abstract SpacePlan Measure(Size available);

    /// <summary>Draws what fits in <paramref name="available"/> at the canvas origin and moves past it.</summary>
    public abstract void Draw(Size available, Canvas canvas);

    /// <summary>Children, for the passes over the whole tree.</summary>
    public virtual IEnumerable<Element> Children => [];

    /// <summary>Once per layout, before measuring: resolve inherited text styles, build tables, measure glyphs.</summary>
    public virtual void Prepare(LayoutContext context, TextStyle inherited)
    {
        foreach (var child in Children)
        {
            child.Prepare(context, inherited);
        }
    }

    /// <summary>Back to "nothing drawn yet" (before a layout, and for headers drawn on every page).</summary>
    public virtual void ResetState()
    {
        foreach (var child in Children)
        {
            child.ResetState();
        }
    }
}

/// <summary>An element with one child slot; the fluent API hands it out as an <see cref="IContainer"/>.</summary>
internal class ContainerElement : Element, IContainer
{
    public Element? Child { get; set; }

    public LayoutContext? Context { get; private set; }

    public override IEnumerable<Element> Children => Child is null ? [] : [Child];

    public override SpacePlan Measure(Size available) => Child?.Measure(available) ?? SpacePlan.Empty;

    public override void Draw(Size available, Canvas canvas) => Child?.Draw(available, canvas);

    public override void Prepare(LayoutContext context, TextStyle inherited)
    {
        Context = context;
        base.Prepare(context, inherited);
    }
}

/// <summary>A table cell slot: a container that also knows how many columns it spans.</summary>
internal sealed class TableCellSlot : ContainerElement, ITableCellContainer
{
    public int ColumnSpan { get; set; } = 1;
}
