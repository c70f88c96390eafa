namespace CivilAffairs.Reports.Pdf;

/// <summary>
/// A slot for exactly one piece of content. Methods of <see cref="ContainerExtensions"/> either
/// fill it (Text, Column, Row, Table, Image, charts…) or wrap it (Padding, Border, AlignCenter…)
/// and return the inner slot, so calls chain: <c>cell.Border(0.5f).Padding(3).Text("…")</c>.
/// </summary>
public interface IContainer;

/// <summary>A table cell slot, which can also span several columns.</summary>
public interface ITableCellContainer : IContainer;

/// <summary>How an image is sized.</summary>
public enum ImageScaling
{
    /// <summary>As wide as the space offered, height by the image's aspect ratio (moves to the next page if too tall).</summary>
    FitWidth,

    /// <summary>As large as fits the space offered in both directions, keeping the aspect ratio.</summary>
    FitArea,
}

/// <summary>The document cannot be laid out, e.g. an element does not fit even on an empty page.</summary>
public sealed class PdfLayoutException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public PdfLayoutException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public PdfLayoutException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public PdfLayoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
