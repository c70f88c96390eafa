namespace CivilAffairs.Reports.Documents;

public sealed partial class FundingReport
{
    /// <summary>The report as PDF (A4, Chinese font embedded, page numbers).</summary>
    public byte[] ToPdf() => throw new NotSupportedException("TEMPORARY: PDF engine pending");
}
