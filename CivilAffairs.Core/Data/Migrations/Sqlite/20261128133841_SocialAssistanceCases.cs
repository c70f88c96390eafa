using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivilAffairs.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SocialAssistanceCases : Migration
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
                name: "IX_AssistanceStandards_CountyCode_Area_EffectiveFrom",
                table: "AssistanceStandards",
                columns: new[] { "CountyCode", "Area", "EffectiveFrom" },
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
                name: "CaseTransitions");

            migrationBuilder.DropTable(
                name: "ExtremePovertyCases");

            migrationBuilder.DropTable(
                name: "HouseholdMembers");

            migrationBuilder.DropTable(
                name: "DibaoCases");

            migrationBuilder.DropTable(
                name: "Households");
        }
    }
}
