using CivilAffairs.Core.Divisions;
using CivilAffairs.Core.SocialAffairs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivilAffairs.Core.Data.Configurations;

// 社会事务: 身后一件事, 婚姻登记, 殡葬设施, 地名.

internal sealed class DeathCaseConfiguration : IEntityTypeConfiguration<DeathCase>
{
    public void Configure(EntityTypeBuilder<DeathCase> builder)
    {
        builder.Property(c => c.DivisionCode).HasMaxLength(Division.CodeMaxLength).IsRequired();
        builder.Property(c => c.Applicant).HasMaxLength(DeathCase.ApplicantMaxLength).IsRequired();
        builder.Property(c => c.Note).HasMaxLength(DeathCase.NoteMaxLength);
        builder.HasOne(c => c.Person).WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Division>().WithMany().HasForeignKey(c => c.DivisionCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.PersonId).IsUnique();
        builder.HasIndex(c => new { c.DivisionCode, c.AppliedOn });
    }
}

internal sealed class MarriageOfficeConfiguration : IEntityTypeConfiguration<MarriageOffice>
{
    public void Configure(EntityTypeBuilder<MarriageOffice> builder)
    {
        builder.Property(o => o.Name).HasMaxLength(MarriageOffice.NameMaxLength).IsRequired();
        builder.Property(o => o.Address).HasMaxLength(MarriageOffice.AddressMaxLength);
        builder.Property(o => o.DivisionCode).HasMaxLength(Division.CodeMaxLength).IsRequired();
        builder.HasOne<Division>().WithMany().HasForeignKey(o => o.DivisionCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => o.Name).IsUnique();
    }
}

internal sealed class MarriageMonthlyFigureConfiguration : IEntityTypeConfiguration<MarriageMonthlyFigure>
{
    public void Configure(EntityTypeBuilder<MarriageMonthlyFigure> builder)
    {
        builder.Property(f => f.DivisionCode).HasMaxLength(Division.CodeMaxLength).IsRequired();
        builder.HasOne(f => f.Office).WithMany().HasForeignKey(f => f.OfficeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Division>().WithMany().HasForeignKey(f => f.DivisionCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => new { f.OfficeId, f.Period }).IsUnique();
        builder.HasIndex(f => new { f.DivisionCode, f.Period });
    }
}

internal sealed class CollectiveWeddingConfiguration : IEntityTypeConfiguration<CollectiveWedding>
{
    public void Configure(EntityTypeBuilder<CollectiveWedding> builder)
    {
        builder.Property(w => w.Place).HasMaxLength(CollectiveWedding.PlaceMaxLength).IsRequired();
        builder.Property(w => w.Note).HasMaxLength(200);
        builder.Property(w => w.DivisionCode).HasMaxLength(Division.CodeMaxLength).IsRequired();
        builder.HasOne<Division>().WithMany().HasForeignKey(w => w.DivisionCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(w => new { w.DivisionCode, w.HeldOn });
    }
}

internal sealed class BurialFacilityConfiguration : IEntityTypeConfiguration<BurialFacility>
{
    public void Configure(EntityTypeBuilder<BurialFacility> builder)
    {
        builder.Property(f => f.Name).HasMaxLength(BurialFacility.NameMaxLength).IsRequired();
        builder.Property(f => f.DivisionCode).HasMaxLength(Division.CodeMaxLength).IsRequired();
        builder.HasOne<Division>().WithMany().HasForeignKey(f => f.DivisionCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => new { f.DivisionCode, f.Kind });
    }
}

internal sealed class PlaceNameConfiguration : IEntityTypeConfiguration<PlaceName>
{
    public void Configure(EntityTypeBuilder<PlaceName> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(PlaceName.NameMaxLength).IsRequired();
        builder.Property(p => p.AidCity).HasMaxLength(PlaceName.AidCityMaxLength);
        builder.Property(p => p.DivisionCode).HasMaxLength(Division.CodeMaxLength).IsRequired();
        builder.HasOne<Division>().WithMany().HasForeignKey(p => p.DivisionCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.DivisionCode, p.Source, p.RecordedOn });
        builder.HasIndex(p => p.Name);
    }
}

internal sealed class PlaceNameExpertConfiguration : IEntityTypeConfiguration<PlaceNameExpert>
{
    public void Configure(EntityTypeBuilder<PlaceNameExpert> builder)
    {
        builder.Property(e => e.Name).HasMaxLength(PlaceNameExpert.NameMaxLength).IsRequired();
        builder.Property(e => e.Specialty).HasMaxLength(PlaceNameExpert.TextMaxLength).IsRequired();
        builder.Property(e => e.Organisation).HasMaxLength(PlaceNameExpert.TextMaxLength);
        builder.Property(e => e.DivisionCode).HasMaxLength(Division.CodeMaxLength).IsRequired();
        builder.HasOne<Division>().WithMany().HasForeignKey(e => e.DivisionCode).OnDelete(DeleteBehavior.Restrict);
    }
}
