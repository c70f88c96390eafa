using CivilAffairs.Core.Divisions;
using CivilAffairs.Core.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivilAffairs.Core.Data.Configurations;

internal sealed class ReportSubmissionConfiguration : IEntityTypeConfiguration<ReportSubmission>
{
    public void Configure(EntityTypeBuilder<ReportSubmission> builder)
    {
        builder.Property(s => s.ReportKind).HasMaxLength(20).IsRequired();
        builder.Property(s => s.DivisionCode).HasMaxLength(Division.CodeMaxLength).IsRequired();
        builder.HasOne<Division>().WithMany().HasForeignKey(s => s.DivisionCode).OnDelete(DeleteBehavior.Restrict);
        builder.Property(s => s.SubmittedBy).HasMaxLength(100).IsRequired();
        builder.Property(s => s.ReopenedBy).HasMaxLength(100);
        builder.Property(s => s.ReopenReason).HasMaxLength(ReportSubmission.ReasonMaxLength);
        builder.Property(s => s.PdfSha256).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.Property(s => s.ExcelSha256).HasMaxLength(64).IsFixedLength().IsRequired();

        // Two statisticians submitting the same month at once: the second insert hits this index.
        builder.HasIndex(s => new { s.ReportKind, s.DivisionCode, s.Period, s.Number }).IsUnique();
        builder.HasIndex(s => new { s.Period, s.State });
    }
}

internal sealed class OfficialCalendarDayConfiguration : IEntityTypeConfiguration<Common.OfficialCalendarDay>
{
    public void Configure(EntityTypeBuilder<Common.OfficialCalendarDay> builder)
    {
        builder.Property(d => d.Name).HasMaxLength(Common.OfficialCalendarDay.NameMaxLength).IsRequired();
        builder.HasIndex(d => d.Date).IsUnique();
        builder.HasIndex(d => d.Year);
    }
}
