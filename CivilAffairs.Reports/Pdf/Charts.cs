namespace CivilAffairs.Reports.Pdf;

/// <summary>One series of a chart: a name for the legend and one value per category.</summary>
/// <param name="Name">Shown in the legend (when the chart has more than one series or a target).</param>
/// <param name="Values">One value per category, in category order.</param>
public sealed record ChartSeries(string Name, IReadOnlyList<double> Values)
{
    /// <summary>The series colour; by default the next colour of <see cref="PdfColors.ChartPalette"/>.</summary>
    public PdfColor? Color { get; init; }
}

/// <summary>What bar and line charts share: categories along the bottom, series of values, an optional target line.</summary>
/// <param name="Categories">Labels along the horizontal axis (counties, months…).</param>
/// <param name="Series">The series; each has one value per category.</param>
public abstract record ChartData(IReadOnlyList<string> Categories, IReadOnlyList<ChartSeries> Series)
{
    /// <summary>Title drawn centred above the chart.</summary>
    public string? Title { get; init; }

    /// <summary>Unit shown above the value axis, e.g. "万元" or "%".</summary>
    public string? Unit { get; init; }

    /// <summary>A target value drawn as a dashed red line across the chart.</summary>
    public double? Target { get; init; }

    /// <summary>Label of the target line; by default "目标 " and the value.</summary>
    public string? TargetLabel { get; init; }

    /// <summary>.NET number format of axis and value labels (invariant culture).</summary>
    public string ValueFormat { get; init; } = "#,0.##";

    /// <summary>Whether each bar or point carries its value.</summary>
    public bool ShowValues { get; init; } = true;

    /// <summary>Height of the whole chart in points; the width is the width offered.</summary>
    public float Height { get; init; } = 200;

    internal void Validate()
    {
        if (Categories.Count == 0 || Series.Count == 0)
        {
            throw new ArgumentException("A chart needs at least one category and one series.");
        }

        foreach (var series in Series)
        {
            if (series.Values.Count != Categories.Count)
            {
                throw new ArgumentException($"Series '{series.Name}' has {series.Values.Count} values for {Categories.Count} categories.");
            }
        }

        if (Height <= 40)
        {
            throw new ArgumentException("A chart must be more than 40 points high.");
        }
    }
}

/// <summary>Bars per category (grouped when there are several series), drawn as vector graphics.</summary>
/// <param name="Categories">Labels along the horizontal axis.</param>
/// <param name="Series">The series; each has one value per category.</param>
public sealed record BarChartData(IReadOnlyList<string> Categories, IReadOnlyList<ChartSeries> Series) : ChartData(Categories, Series)
{
    /// <summary>A chart of one series.</summary>
    public BarChartData(IReadOnlyList<string> categories, IReadOnlyList<double> values, string seriesName = "")
        : this(categories, [new ChartSeries(seriesName, values)])
    {
    }
}

/// <summary>Lines through one point per category (e.g. twelve months), drawn as vector graphics.</summary>
/// <param name="Categories">Labels along the horizontal axis.</param>
/// <param name="Series">The series; each has one value per category.</param>
public sealed record LineChartData(IReadOnlyList<string> Categories, IReadOnlyList<ChartSeries> Series) : ChartData(Categories, Series)
{
    /// <summary>A chart of one series.</summary>
    public LineChartData(IReadOnlyList<string> categories, IReadOnlyList<double> values, string seriesName = "")
        : this(categories, [new ChartSeries(seriesName, values)])
    {
    }
}
