using CivilAffairs.Reports.Pdf.Elements;

namespace CivilAffairs.Reports.Pdf;

/// <summary>Describes a document: metadata and one or more page sets.</summary>
public sealed class DocumentDescriptor
{
    /// <summary>The author written into every document unless another is given.</summary>
    public const string DefaultAuthor = "博尔塔拉蒙古自治州民政局";

    /// <summary>The application named as creator unless another is given.</summary>
    public const string DefaultCreator = "博尔塔拉蒙古自治州民政业务管理平台 (CivilAffairs portal)";

    internal DocumentDescriptor()
    {
    }

    internal List<PageSet> PageSets { get; } = [];

    internal string? TitleValue { get; private set; }

    internal string AuthorValue { get; private set; } = DefaultAuthor;

    internal string? SubjectValue { get; private set; }

    internal string? KeywordsValue { get; private set; }

    internal string CreatorValue { get; private set; } = DefaultCreator;

    internal DateTimeOffset? CreationDateValue { get; private set; }

    /// <summary>Document properties; null leaves a value as it is (author and creator have defaults).</summary>
    public DocumentDescriptor Metadata(string? title = null, string? author = null, string? subject = null, string? creator = null, string? keywords = null)
    {
        TitleValue = title ?? TitleValue;
        AuthorValue = author ?? AuthorValue;
        SubjectValue = subject ?? SubjectValue;
        CreatorValue = creator ?? CreatorValue;
        KeywordsValue = keywords ?? KeywordsValue;
        return this;
    }

    /// <summary>A fixed creation date instead of "now" (reproducible files, tests).</summary>
    public DocumentDescriptor CreationDate(DateTimeOffset date)
    {
        CreationDateValue = date;
        return this;
    }

    /// <summary>A set of pages sharing size, margins, header and footer; content flows over as many pages as it needs.</summary>
    public DocumentDescriptor Page(Action<PageDescriptor> page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var set = new PageSet();
        page(new PageDescriptor(set));
        PageSets.Add(set);
        return this;
    }
}

/// <summary>Describes a page set: size, margins, default text style, header, content, footer.</summary>
public sealed class PageDescriptor
{
    private readonly PageSet _set;

    internal PageDescriptor(PageSet set) => _set = set;

    /// <summary>Paper size (A4 portrait by default); <paramref name="landscape"/> turns it so the long side is horizontal.</summary>
    public PageDescriptor Size(PdfPageSize size, bool landscape = false)
    {
        if (size.Width <= 0 || size.Height <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(size), "A page needs a positive width and height.");
        }

        _set.Size = landscape ? new PdfPageSize(Math.Max(size.Width, size.Height), Math.Min(size.Width, size.Height)) : size;
        return this;
    }

    /// <summary>The same margin on all sides, in millimetres (as page margins are specified in GB/T 9704); 20 mm by default.</summary>
    public PageDescriptor Margin(float millimetres) => Margin(millimetres, millimetres);

    /// <summary>Left/right and top/bottom margins, in millimetres.</summary>
    public PageDescriptor Margin(float horizontalMillimetres, float verticalMillimetres) =>
        Margin(horizontalMillimetres, verticalMillimetres, horizontalMillimetres, verticalMillimetres);

    /// <summary>Each margin, in millimetres.</summary>
    public PageDescriptor Margin(float leftMillimetres, float topMillimetres, float rightMillimetres, float bottomMillimetres)
    {
        float[] all = [leftMillimetres, topMillimetres, rightMillimetres, bottomMillimetres];
        if (all.Any(m => m < 0))
        {
            throw new ArgumentOutOfRangeException(nameof(leftMillimetres), "Margins cannot be negative.");
        }

        _set.Margins = [.. all.Select(m => m * PdfPageSize.PointsPerMillimetre)];
        return this;
    }

    /// <summary>The text style of everything on these pages, e.g. <c>s => s.FontSize(9)</c>.</summary>
    public PageDescriptor DefaultTextStyle(Func<TextStyle, TextStyle> style)
    {
        ArgumentNullException.ThrowIfNull(style);
        _set.DefaultStyle = style(TextStyle.Default).Over(_set.DefaultStyle);
        return this;
    }

    /// <summary>Drawn at the top of every page (may use PageNumber).</summary>
    public IContainer Header() => _set.Header;

    /// <summary>The content, flowing over as many pages as it needs.</summary>
    public IContainer Content() => _set.Content;

    /// <summary>Drawn at the bottom of every page, e.g. <c>Footer().AlignCenter().PageNumber("第 {0} 页 / 共 {1} 页")</c>.</summary>
    public IContainer Footer() => _set.Footer;
}

/// <summary>A page set as described (internal model).</summary>
internal sealed class PageSet
{
    public PdfPageSize Size { get; set; } = PdfPageSize.A4;

    /// <summary>Left, top, right, bottom in points.</summary>
    public float[] Margins { get; set; } = [.. Enumerable.Repeat(20 * PdfPageSize.PointsPerMillimetre, 4)];

    public TextStyle DefaultStyle { get; set; } = TextStyle.Default;

    public ContainerElement Header { get; } = new();

    public ContainerElement Content { get; } = new();

    public ContainerElement Footer { get; } = new();
}
