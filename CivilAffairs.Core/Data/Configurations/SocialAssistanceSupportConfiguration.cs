using CivilAffairs.Core.Divisions;
using CivilAffairs.Core.People;
using CivilAffairs.Core.SocialAssistance;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivilAffairs.Core.Data.Configurations;

// 社会救助 support programmes: temporary assistance, 安心助养, active discovery, close-relative filing.
// A lead links the 低保 case it became by a foreign key; CaseReference stays for cases kept elsewhere (特困, 临时救助).

internal sealed class AssistancePointConfiguration : IEntityTypeConfiguration<AssistancePoint>
{
    public void Configure(EntityTypeBuilder<AssistancePoint> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(AssistancePoint.NameMaxLength).IsRequired();
        builder.Property(p => p.DivisionCode).HasMaxLength(Division.CodeMaxLength).IsRequired();
        builder.HasOne<Division>().WithMany().HasForeignKey(p => p.DivisionCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.Name).IsUnique();
    }
}

internal sealed class AssistanceTierConfiguration : IEntityTypeConfiguration<AssistanceTier>
{
    public void Configure(EntityTypeBuilder<AssistanceTier> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(AssistanceTier.NameMaxLength).IsRequired();
        builder.HasIndex(t => t.Name).IsUnique();
        // No check constraint on the range: SQLite stores decimals as TEXT and would compare them as strings.
    }
}

internal sealed class TemporaryAssistanceConfiguration : IEntityTypeConfiguration<TemporaryAssistance>
{
    public void Configure(EntityTypeBuilder<TemporaryAssistance> builder)
    {
        builder.ToTable("TemporaryAssistances");
        builder.Property(a => a.RecipientName).HasMaxLength(TemporaryAssistance.NameMaxLength).IsRequired();
        builder.Property(a => a.IdNumber).HasMaxLength(18);
        builder.Property(a => a.Origin).HasMaxLength(TemporaryAssistance.OriginMaxLength);
        builder.Property(a => a.InKindDescription).HasMaxLength(TemporaryAssistance.DescriptionMaxLength);
        builder.Property(a => a.DivisionCode).HasMaxLength(Division.CodeMaxLength).IsRequired();
        builder.Ignore(a => a.PassingThrough);
        builder.HasOne(a => a.Person).WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Tier).WithMany().HasForeignKey(a => a.TierId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.AssistancePoint).WithMany().HasForeignKey(a => a.AssistancePointId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Division>().WithMany().HasForeignKey(a => a.DivisionCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.DivisionCode, a.GivenOn, a.AssistancePointId, a.Amount });
    }
}

internal sealed class CareSubsidyStandardConfiguration : IEntityTypeConfiguration<CareSubsidyStandard>
{
    public void Configure(EntityTypeBuilder<CareSubsidyStandard> builder)
    {
        builder.Ignore(s => s.MonthlyAmount);
        builder.HasIndex(s => s.EffectiveYear).IsUnique();
    }
}

internal sealed class CareSubsidyFamilyConfiguration : IEntityTypeConfiguration<CareSubsidyFamily>
{
    public void Configure(EntityTypeBuilder<CareSubsidyFamily> builder)
    {
        builder.Property(f => f.DivisionCode).HasMaxLength(Division.CodeMaxLength).IsRequired();
        builder.Property(f => f.Note).HasMaxLength(200);
        builder.HasOne(f => f.Head).WithMany().HasForeignKey(f => f.HeadPersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(f => f.Dependant).WithMany().HasForeignKey(f => f.DependantPersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => new { f.DivisionCode, f.StartOn, f.EndOn });
        builder.HasIndex(f => f.DependantPersonId);
    }
}

internal sealed class CareSubsidyPaymentConfiguration : IEntityTypeConfiguration<CareSubsidyPayment>
{
    public void Configure(EntityTypeBuilder<CareSubsidyPayment> builder)
    {
        builder.Property(p => p.DivisionCode).HasMaxLength(Division.CodeMaxLength).IsRequired();
        builder.Property(p => p.Note).HasMaxLength(200);
        builder.HasOne(p => p.Family).WithMany().HasForeignKey(p => p.FamilyId).OnDelete(DeleteBehavior.Restrict);
        // One payment per family and month: the batch is idempotent even under a race.
        builder.HasIndex(p => new { p.FamilyId, p.Period }).IsUnique();
        builder.HasIndex(p => new { p.DivisionCode, p.Period, p.Status, p.Amount });
    }
}

internal sealed class DiscoveryLeadConfiguration : IEntityTypeConfiguration<DiscoveryLead>
{
    public void Configure(EntityTypeBuilder<DiscoveryLead> builder)
    {
        builder.Property(l => l.Subject).HasMaxLength(DiscoveryLead.SubjectMaxLength).IsRequired();
        builder.Property(l => l.Assignee).HasMaxLength(DiscoveryLead.AssigneeMaxLength);
        builder.Property(l => l.OutcomeReason).HasMaxLength(DiscoveryLead.ReasonMaxLength);
        builder.Property(l => l.CaseReference).HasMaxLength(DiscoveryLead.CaseReferenceMaxLength);
        builder.HasOne(l => l.DibaoCase).WithMany().HasForeignKey(l => l.DibaoCaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => l.DibaoCaseId).IsUnique();    // one lead per case
        builder.Property(l => l.DivisionCode).HasMaxLength(Division.CodeMaxLength).IsRequired();
        builder.HasOne<Division>().WithMany().HasForeignKey(l => l.DivisionCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => new { l.DivisionCode, l.FoundOn, l.Outcome });
        builder.HasIndex(l => new { l.DivisionCode, l.ConvertedOn });
    }
}

internal sealed class AssistanceWorkerConfiguration : IEntityTypeConfiguration<AssistanceWorker>
{
    public void Configure(EntityTypeBuilder<AssistanceWorker> builder)
    {
        builder.Property(w => w.Name).HasMaxLength(AssistanceWorker.NameMaxLength).IsRequired();
        builder.Property(w => w.Post).HasMaxLength(AssistanceWorker.PostMaxLength);
        builder.Property(w => w.DivisionCode).HasMaxLength(Division.CodeMaxLength).IsRequired();
        builder.HasOne<Division>().WithMany().HasForeignKey(w => w.DivisionCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(w => new { w.DivisionCode, w.Active });
        builder.HasIndex(w => w.Name);
    }
}

internal sealed class RelativeFilingConfiguration : IEntityTypeConfiguration<RelativeFiling>
{
    public void Configure(EntityTypeBuilder<RelativeFiling> builder)
    {
        builder.Property(f => f.Relation).HasMaxLength(RelativeFiling.RelationMaxLength).IsRequired();
        builder.Property(f => f.DivisionCode).HasMaxLength(Division.CodeMaxLength).IsRequired();
        builder.HasOne(f => f.Worker).WithMany().HasForeignKey(f => f.WorkerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(f => f.Relative).WithMany().HasForeignKey(f => f.RelativePersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => new { f.DivisionCode, f.FiledOn });
        builder.HasIndex(f => new { f.WorkerId, f.FiledOn });
    }
}

internal sealed class ZeroReportConfiguration : IEntityTypeConfiguration<ZeroReport>
{
    public void Configure(EntityTypeBuilder<ZeroReport> builder)
    {
        builder.Property(z => z.DivisionCode).HasMaxLength(Division.CodeMaxLength).IsRequired();
        builder.HasOne(z => z.Worker).WithMany().HasForeignKey(z => z.WorkerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(z => new { z.WorkerId, z.Period }).IsUnique();
        builder.HasIndex(z => new { z.DivisionCode, z.Period });
    }
}
