using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace CivilAffairs.Reports.Pdf.Rendering;

/// <summary>Document properties written into the PDF.</summary>
internal sealed record DocumentMetadata(string? Title, string Author, string? Subject, string? Keywords, string Creator, DateTimeOffset? CreationDate);

/// <summary>Replays laid-out pages into a PDFsharp document and saves it.</summary>
internal static class PdfRenderer
{
    public static void Render(IReadOnlyList<LaidOutPage> pages, DocumentMetadata metadata, PdfFonts fonts, Stream output)
    {
        using var document = new PdfDocument();
        var info = document.Info;
        info.Title = metadata.Title ?? string.Empty;
        info.Author = metadata.Author;
        info.Subject = metadata.Subject ?? string.Empty;
        info.Keywords = metadata.Keywords ?? string.Empty;
        info.Creator = metadata.Creator;
        if (metadata.CreationDate is { } created)
        {
            info.CreationDate = created.LocalDateTime;
            info.ModificationDate = created.LocalDateTime;
        }

        using var context = new RenderContext(fonts, pages.Count);
        for (var i = 0; i < pages.Count; i++)
        {
            var laidOut = pages[i];
            var page = document.AddPage();
            page.Width = XUnit.FromPoint(laidOut.Width);
            page.Height = XUnit.FromPoint(laidOut.Height);
            using var graphics = XGraphics.FromPdfPage(page);
            context.BeginPage(graphics, i + 1);
            foreach (var command in laidOut.Commands)
            {
                command.Render(context);
            }
        }

        document.Save(output, closeStream: false);
    }
}
