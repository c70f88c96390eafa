using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivilAffairs.Core.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ChildDisability : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DisabilitySubsidies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PersonId = table.Column<int>(type: "int", nullable: false),
                    CertificateNumber = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Category = table.Column<int>(type: "int", nullable: false),
                    Grade = table.Column<int>(type: "int", nullable: false),
                    SubsidyType = table.Column<int>(type: "int", nullable: false),
                    StartOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CrossProvince = table.Column<bool>(type: "bit", nullable: false),
                    DivisionCode = table.Column<string>(type: "nvarchar(12)", maxLength: 12, nullable: false),
                    Note = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DisabilitySubsidies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DisabilitySubsidies_Divisions_DivisionCode",
                        column: x => x.DivisionCode,
                        principalTable: "Divisions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DisabilitySubsidies_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EducationAids",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PersonId = table.Column<int>(type: "int", nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    School = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Amount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    GrantedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DivisionCode = table.Column<string>(type: "nvarchar(12)", maxLength: 12, nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EducationAids", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EducationAids_Divisions_DivisionCode",
                        column: x => x.DivisionCode,
                        principalTable: "Divisions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EducationAids_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EligiblePopulations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    DivisionCode = table.Column<string>(type: "nvarchar(12)", maxLength: 12, nullable: false),
                    SubsidyType = table.Column<int>(type: "int", nullable: false),
                    Count = table.Column<int>(type: "int", nullable: false),
                    EffectiveFrom = table.Column<int>(type: "int", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EligiblePopulations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EligiblePopulations_Divisions_DivisionCode",
                        column: x => x.DivisionCode,
                        principalTable: "Divisions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RehabActivities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Title = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DivisionCode = table.Column<string>(type: "nvarchar(12)", maxLength: 12, nullable: false),
                    Participants = table.Column<int>(type: "int", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RehabActivities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RehabActivities_Divisions_DivisionCode",
                        column: x => x.DivisionCode,
                        principalTable: "Divisions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "WelfareFacilities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    DivisionCode = table.Column<string>(type: "nvarchar(12)", maxLength: 12, nullable: false),
                    Investment = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    InvestmentYear = table.Column<int>(type: "int", nullable: true),
                    Capacity = table.Column<int>(type: "int", nullable: false),
                    OpenedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<int>(type: "int", nullable: false),
                    ChildrenServed = table.Column<int>(type: "int", nullable: false),
                    Operator = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WelfareFacilities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WelfareFacilities_Divisions_DivisionCode",
                        column: x => x.DivisionCode,
                        principalTable: "Divisions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "WelfareMonthlyTotals",
                columns: table => new
                {
                    Period = table.Column<int>(type: "int", nullable: false),
                    DivisionCode = table.Column<string>(type: "nvarchar(12)", maxLength: 12, nullable: false),
                    Benefit = table.Column<int>(type: "int", nullable: false),
                    Payments = table.Column<int>(type: "int", nullable: false),
                    PaidAmount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WelfareMonthlyTotals", x => new { x.Period, x.DivisionCode, x.Benefit });
                });

            migrationBuilder.CreateTable(
                name: "WelfarePayments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Benefit = table.Column<int>(type: "int", nullable: false),
                    Group = table.Column<int>(type: "int", nullable: false),
                    PersonId = table.Column<int>(type: "int", nullable: false),
                    RecordId = table.Column<int>(type: "int", nullable: false),
                    DivisionCode = table.Column<string>(type: "nvarchar(12)", maxLength: 12, nullable: false),
                    Period = table.Column<int>(type: "int", nullable: false),
                    Amount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    SettledOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Note = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WelfarePayments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WelfarePayments_Divisions_DivisionCode",
                        column: x => x.DivisionCode,
                        principalTable: "Divisions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WelfarePayments_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "WelfareStandards",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Benefit = table.Column<int>(type: "int", nullable: false),
                    MonthlyAmount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    EffectiveFrom = table.Column<int>(type: "int", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WelfareStandards", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ChildrenInCare",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PersonId = table.Column<int>(type: "int", nullable: false),
                    Category = table.Column<int>(type: "int", nullable: false),
                    GuardianName = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    GuardianRelation = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    GuardianPhone = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    InstitutionId = table.Column<int>(type: "int", nullable: true),
                    StartOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ExitReason = table.Column<int>(type: "int", nullable: true),
                    DivisionCode = table.Column<string>(type: "nvarchar(12)", maxLength: 12, nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChildrenInCare", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChildrenInCare_Divisions_DivisionCode",
                        column: x => x.DivisionCode,
                        principalTable: "Divisions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ChildrenInCare_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ChildrenInCare_WelfareFacilities_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "WelfareFacilities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ChildrenInCare_DivisionCode_Category_StartOn_EndOn",
                table: "ChildrenInCare",
                columns: new[] { "DivisionCode", "Category", "StartOn", "EndOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ChildrenInCare_InstitutionId",
                table: "ChildrenInCare",
                column: "InstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_ChildrenInCare_PersonId",
                table: "ChildrenInCare",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_DisabilitySubsidies_DivisionCode_SubsidyType_StartOn_EndOn",
                table: "DisabilitySubsidies",
                columns: new[] { "DivisionCode", "SubsidyType", "StartOn", "EndOn" });

            migrationBuilder.CreateIndex(
                name: "IX_DisabilitySubsidies_PersonId_SubsidyType",
                table: "DisabilitySubsidies",
                columns: new[] { "PersonId", "SubsidyType" });

            migrationBuilder.CreateIndex(
                name: "IX_EducationAids_DivisionCode_Year",
                table: "EducationAids",
                columns: new[] { "DivisionCode", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_EducationAids_PersonId_Year",
                table: "EducationAids",
                columns: new[] { "PersonId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EligiblePopulations_DivisionCode_SubsidyType_EffectiveFrom",
                table: "EligiblePopulations",
                columns: new[] { "DivisionCode", "SubsidyType", "EffectiveFrom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RehabActivities_DivisionCode_HeldOn",
                table: "RehabActivities",
                columns: new[] { "DivisionCode", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_WelfareFacilities_DivisionCode_Kind_Status",
                table: "WelfareFacilities",
                columns: new[] { "DivisionCode", "Kind", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_WelfareFacilities_Name",
                table: "WelfareFacilities",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WelfareMonthlyTotals_DivisionCode_Benefit_Period",
                table: "WelfareMonthlyTotals",
                columns: new[] { "DivisionCode", "Benefit", "Period" });

            migrationBuilder.CreateIndex(
                name: "IX_WelfarePayments_DivisionCode",
                table: "WelfarePayments",
                column: "DivisionCode");

            migrationBuilder.CreateIndex(
                name: "IX_WelfarePayments_Group_Period_DivisionCode",
                table: "WelfarePayments",
                columns: new[] { "Group", "Period", "DivisionCode" });

            migrationBuilder.CreateIndex(
                name: "IX_WelfarePayments_PersonId_Benefit_Period",
                table: "WelfarePayments",
                columns: new[] { "PersonId", "Benefit", "Period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WelfareStandards_Benefit_EffectiveFrom",
                table: "WelfareStandards",
                columns: new[] { "Benefit", "EffectiveFrom" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChildrenInCare");

            migrationBuilder.DropTable(
                name: "DisabilitySubsidies");

            migrationBuilder.DropTable(
                name: "EducationAids");

            migrationBuilder.DropTable(
                name: "EligiblePopulations");

            migrationBuilder.DropTable(
                name: "RehabActivities");

            migrationBuilder.DropTable(
                name: "WelfareMonthlyTotals");

            migrationBuilder.DropTable(
                name: "WelfarePayments");

            migrationBuilder.DropTable(
                name: "WelfareStandards");

            migrationBuilder.DropTable(
                name: "WelfareFacilities");
        }
    }
}
