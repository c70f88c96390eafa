using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivilAffairs.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SocialAssistance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AssistanceMonthlyTotals",
                columns: table => new
                {
                    Period = table.Column<int>(type: "INTEGER", nullable: false),
                    DivisionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Program = table.Column<int>(type: "INTEGER", nullable: false),
                    Payments = table.Column<int>(type: "INTEGER", nullable: false),
                    Persons = table.Column<int>(type: "INTEGER", nullable: false),
                    PaidAmount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssistanceMonthlyTotals", x => new { x.Period, x.DivisionCode, x.Program });
                });

            migrationBuilder.CreateTable(
                name: "AssistancePayments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Program = table.Column<int>(type: "INTEGER", nullable: false),
                    CaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    DivisionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Area = table.Column<int>(type: "INTEGER", nullable: false),
                    Period = table.Column<int>(type: "INTEGER", nullable: false),
                    Persons = table.Column<int>(type: "INTEGER", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    SettledOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssistancePayments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AssistancePoints",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    DivisionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssistancePoints", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssistancePoints_Divisions_DivisionCode",
                        column: x => x.DivisionCode,
                        principalTable: "Divisions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AssistanceStandards",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CountyCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Area = table.Column<int>(type: "INTEGER", nullable: false),
                    MonthlyAmount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssistanceStandards", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AssistanceTiers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    MinAmount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    MaxAmount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssistanceTiers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AssistanceWorkers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    DivisionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Post = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssistanceWorkers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssistanceWorkers_Divisions_DivisionCode",
                        column: x => x.DivisionCode,
                        principalTable: "Divisions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CareSubsidyFamilies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HeadPersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    DependantPersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    DivisionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    StartOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CareSubsidyFamilies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CareSubsidyFamilies_People_DependantPersonId",
                        column: x => x.DependantPersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CareSubsidyFamilies_People_HeadPersonId",
                        column: x => x.HeadPersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CareSubsidyStandards",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EffectiveYear = table.Column<int>(type: "INTEGER", nullable: false),
                    YearlyAmount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CareSubsidyStandards", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DiscoveryLeads",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DivisionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    FoundOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Assignee = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: false),
                    OutcomeReason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    CaseReference = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ConvertedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DiscoveryLeads", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DiscoveryLeads_Divisions_DivisionCode",
                        column: x => x.DivisionCode,
                        principalTable: "Divisions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ExtremePovertyCases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    DivisionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Mode = table.Column<int>(type: "INTEGER", nullable: false),
                    FacilityName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SelfCare = table.Column<int>(type: "INTEGER", nullable: false),
                    WillingCentralised = table.Column<bool>(type: "INTEGER", nullable: false),
                    MonthlyAmount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExtremePovertyCases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExtremePovertyCases_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Households",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HeadPersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    DivisionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Area = table.Column<int>(type: "INTEGER", nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Households", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Households_Divisions_DivisionCode",
                        column: x => x.DivisionCode,
                        principalTable: "Divisions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Households_People_HeadPersonId",
                        column: x => x.HeadPersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TemporaryAssistances",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: true),
                    RecipientName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    IdNumber = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    Origin = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Difficulty = table.Column<int>(type: "INTEGER", nullable: false),
                    TierId = table.Column<int>(type: "INTEGER", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Form = table.Column<int>(type: "INTEGER", nullable: false),
                    InKindDescription = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    GivenOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AssistancePointId = table.Column<int>(type: "INTEGER", nullable: true),
                    DivisionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TemporaryAssistances", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TemporaryAssistances_AssistancePoints_AssistancePointId",
                        column: x => x.AssistancePointId,
                        principalTable: "AssistancePoints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TemporaryAssistances_AssistanceTiers_TierId",
                        column: x => x.TierId,
                        principalTable: "AssistanceTiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TemporaryAssistances_Divisions_DivisionCode",
                        column: x => x.DivisionCode,
                        principalTable: "Divisions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TemporaryAssistances_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RelativeFilings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkerId = table.Column<int>(type: "INTEGER", nullable: false),
                    RelativePersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    Relation = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Program = table.Column<int>(type: "INTEGER", nullable: false),
                    FiledOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DivisionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RelativeFilings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RelativeFilings_AssistanceWorkers_WorkerId",
                        column: x => x.WorkerId,
                        principalTable: "AssistanceWorkers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RelativeFilings_People_RelativePersonId",
                        column: x => x.RelativePersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ZeroReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkerId = table.Column<int>(type: "INTEGER", nullable: false),
                    Period = table.Column<int>(type: "INTEGER", nullable: false),
                    FiledOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DivisionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ZeroReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ZeroReports_AssistanceWorkers_WorkerId",
                        column: x => x.WorkerId,
                        principalTable: "AssistanceWorkers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CareSubsidyPayments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FamilyId = table.Column<int>(type: "INTEGER", nullable: false),
                    DivisionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Period = table.Column<int>(type: "INTEGER", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    SettledOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CareSubsidyPayments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CareSubsidyPayments_CareSubsidyFamilies_FamilyId",
                        column: x => x.FamilyId,
                        principalTable: "CareSubsidyFamilies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DibaoCases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HouseholdId = table.Column<int>(type: "INTEGER", nullable: false),
                    DivisionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Area = table.Column<int>(type: "INTEGER", nullable: false),
                    Channel = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    CloseRelativeOfWorker = table.Column<bool>(type: "INTEGER", nullable: false),
                    AppliedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ProcessDueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    NoticeFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    NoticeUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CountyReviewedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CountyReviewedBy = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ConfirmedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ExitedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ProcessingDays = table.Column<int>(type: "INTEGER", nullable: true),
                    Members = table.Column<int>(type: "INTEGER", nullable: false),
                    PerCapitaIncome = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    StandardAmount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    TopUp = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    MonthlyBenefit = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DibaoCases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DibaoCases_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "HouseholdMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HouseholdId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    DivisionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Relation = table.Column<int>(type: "INTEGER", nullable: false),
                    MonthlyIncome = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    ClassifiedTopUp = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HouseholdMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HouseholdMembers_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_HouseholdMembers_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CaseTransitions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DibaoCaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    DivisionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Action = table.Column<int>(type: "INTEGER", nullable: false),
                    From = table.Column<int>(type: "INTEGER", nullable: false),
                    To = table.Column<int>(type: "INTEGER", nullable: false),
                    ByUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ByDisplayName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseTransitions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseTransitions_DibaoCases_DibaoCaseId",
                        column: x => x.DibaoCaseId,
                        principalTable: "DibaoCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AssistanceMonthlyTotals_DivisionCode_Program_Period_PaidAmount",
                table: "AssistanceMonthlyTotals",
                columns: new[] { "DivisionCode", "Program", "Period", "PaidAmount" });

            migrationBuilder.CreateIndex(
                name: "IX_AssistancePayments_Period_DivisionCode_Status",
                table: "AssistancePayments",
                columns: new[] { "Period", "DivisionCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_AssistancePayments_Program_CaseId_Period",
                table: "AssistancePayments",
                columns: new[] { "Program", "CaseId", "Period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AssistancePoints_DivisionCode",
                table: "AssistancePoints",
                column: "DivisionCode");

            migrationBuilder.CreateIndex(
                name: "IX_AssistancePoints_Name",
                table: "AssistancePoints",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AssistanceStandards_CountyCode_Area_EffectiveFrom",
                table: "AssistanceStandards",
                columns: new[] { "CountyCode", "Area", "EffectiveFrom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AssistanceTiers_Name",
                table: "AssistanceTiers",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AssistanceWorkers_DivisionCode_Active",
                table: "AssistanceWorkers",
                columns: new[] { "DivisionCode", "Active" });

            migrationBuilder.CreateIndex(
                name: "IX_AssistanceWorkers_Name",
                table: "AssistanceWorkers",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_CareSubsidyFamilies_DependantPersonId",
                table: "CareSubsidyFamilies",
                column: "DependantPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_CareSubsidyFamilies_DivisionCode_StartOn_EndOn",
                table: "CareSubsidyFamilies",
                columns: new[] { "DivisionCode", "StartOn", "EndOn" });

            migrationBuilder.CreateIndex(
                name: "IX_CareSubsidyFamilies_HeadPersonId",
                table: "CareSubsidyFamilies",
                column: "HeadPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_CareSubsidyPayments_DivisionCode_Period_Status_Amount",
                table: "CareSubsidyPayments",
                columns: new[] { "DivisionCode", "Period", "Status", "Amount" });

            migrationBuilder.CreateIndex(
                name: "IX_CareSubsidyPayments_FamilyId_Period",
                table: "CareSubsidyPayments",
                columns: new[] { "FamilyId", "Period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CareSubsidyStandards_EffectiveYear",
                table: "CareSubsidyStandards",
                column: "EffectiveYear",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CaseTransitions_DibaoCaseId_At",
                table: "CaseTransitions",
                columns: new[] { "DibaoCaseId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_DibaoCases_DivisionCode_ConfirmedOn_ExitedOn_Area_Members",
                table: "DibaoCases",
                columns: new[] { "DivisionCode", "ConfirmedOn", "ExitedOn", "Area", "Members" });

            migrationBuilder.CreateIndex(
                name: "IX_DibaoCases_DivisionCode_State_DueOn",
                table: "DibaoCases",
                columns: new[] { "DivisionCode", "State", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_DibaoCases_HouseholdId",
                table: "DibaoCases",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_DiscoveryLeads_DivisionCode_ConvertedOn",
                table: "DiscoveryLeads",
                columns: new[] { "DivisionCode", "ConvertedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_DiscoveryLeads_DivisionCode_FoundOn_Outcome",
                table: "DiscoveryLeads",
                columns: new[] { "DivisionCode", "FoundOn", "Outcome" });

            migrationBuilder.CreateIndex(
                name: "IX_ExtremePovertyCases_DivisionCode_Mode_StartedOn_EndedOn",
                table: "ExtremePovertyCases",
                columns: new[] { "DivisionCode", "Mode", "StartedOn", "EndedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ExtremePovertyCases_PersonId",
                table: "ExtremePovertyCases",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_HouseholdMembers_HouseholdId",
                table: "HouseholdMembers",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_HouseholdMembers_PersonId",
                table: "HouseholdMembers",
                column: "PersonId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Households_DivisionCode",
                table: "Households",
                column: "DivisionCode");

            migrationBuilder.CreateIndex(
                name: "IX_Households_HeadPersonId",
                table: "Households",
                column: "HeadPersonId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RelativeFilings_DivisionCode_FiledOn",
                table: "RelativeFilings",
                columns: new[] { "DivisionCode", "FiledOn" });

            migrationBuilder.CreateIndex(
                name: "IX_RelativeFilings_RelativePersonId",
                table: "RelativeFilings",
                column: "RelativePersonId");

            migrationBuilder.CreateIndex(
                name: "IX_RelativeFilings_WorkerId_FiledOn",
                table: "RelativeFilings",
                columns: new[] { "WorkerId", "FiledOn" });

            migrationBuilder.CreateIndex(
                name: "IX_TemporaryAssistances_AssistancePointId",
                table: "TemporaryAssistances",
                column: "AssistancePointId");

            migrationBuilder.CreateIndex(
                name: "IX_TemporaryAssistances_DivisionCode_GivenOn_AssistancePointId_Amount",
                table: "TemporaryAssistances",
                columns: new[] { "DivisionCode", "GivenOn", "AssistancePointId", "Amount" });

            migrationBuilder.CreateIndex(
                name: "IX_TemporaryAssistances_PersonId",
                table: "TemporaryAssistances",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_TemporaryAssistances_TierId",
                table: "TemporaryAssistances",
                column: "TierId");

            migrationBuilder.CreateIndex(
                name: "IX_ZeroReports_DivisionCode_Period",
                table: "ZeroReports",
                columns: new[] { "DivisionCode", "Period" });

            migrationBuilder.CreateIndex(
                name: "IX_ZeroReports_WorkerId_Period",
                table: "ZeroReports",
                columns: new[] { "WorkerId", "Period" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssistanceMonthlyTotals");

            migrationBuilder.DropTable(
                name: "AssistancePayments");

            migrationBuilder.DropTable(
                name: "AssistanceStandards");

            migrationBuilder.DropTable(
                name: "CareSubsidyPayments");

            migrationBuilder.DropTable(
                name: "CareSubsidyStandards");

            migrationBuilder.DropTable(
                name: "CaseTransitions");

            migrationBuilder.DropTable(
                name: "DiscoveryLeads");

            migrationBuilder.DropTable(
                name: "ExtremePovertyCases");

            migrationBuilder.DropTable(
                name: "HouseholdMembers");

            migrationBuilder.DropTable(
                name: "RelativeFilings");

            migrationBuilder.DropTable(
                name: "TemporaryAssistances");

            migrationBuilder.DropTable(
                name: "ZeroReports");

            migrationBuilder.DropTable(
                name: "CareSubsidyFamilies");

            migrationBuilder.DropTable(
                name: "DibaoCases");

            migrationBuilder.DropTable(
                name: "AssistancePoints");

            migrationBuilder.DropTable(
                name: "AssistanceTiers");

            migrationBuilder.DropTable(
                name: "AssistanceWorkers");

            migrationBuilder.DropTable(
                name: "Households");
        }
    }
}
