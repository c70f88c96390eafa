using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivilAffairs.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ElderlyCare : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CareFacilities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    DivisionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    OperationMode = table.Column<int>(type: "INTEGER", nullable: false),
                    Operator = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    TotalBeds = table.Column<int>(type: "INTEGER", nullable: false),
                    NursingBeds = table.Column<int>(type: "INTEGER", nullable: false),
                    OccupiedBeds = table.Column<int>(type: "INTEGER", nullable: false),
                    HasMedicalService = table.Column<bool>(type: "INTEGER", nullable: false),
                    Investment = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    InvestmentYear = table.Column<int>(type: "INTEGER", nullable: true),
                    OpenedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    LivelihoodProjectYear = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CareFacilities", x => x.Id);
                    table.CheckConstraint("CK_CareFacility_Beds", "NursingBeds <= TotalBeds AND OccupiedBeds <= TotalBeds AND NursingBeds >= 0 AND OccupiedBeds >= 0");
                    table.ForeignKey(
                        name: "FK_CareFacilities_Divisions_DivisionCode",
                        column: x => x.DivisionCode,
                        principalTable: "Divisions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CaregiverTrainings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    DivisionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Online = table.Column<bool>(type: "INTEGER", nullable: false),
                    Participants = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaregiverTrainings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HighAgeAllowancePayments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    DivisionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Period = table.Column<int>(type: "INTEGER", nullable: false),
                    Age = table.Column<int>(type: "INTEGER", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    SettledOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HighAgeAllowancePayments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HighAgeAllowancePayments_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "HighAgeAllowanceStandards",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MinAge = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxAge = table.Column<int>(type: "INTEGER", nullable: true),
                    MonthlyAmount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    EffectiveFrom = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HighAgeAllowanceStandards", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HomeAdaptations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    DivisionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Items = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Cost = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Subsidy = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HomeAdaptations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HomeAdaptations_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OpeningBalances",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IndicatorCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DivisionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Before = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpeningBalances", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ElderlyPersons",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    DivisionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    EmptyNest = table.Column<bool>(type: "INTEGER", nullable: false),
                    LivingAlone = table.Column<bool>(type: "INTEGER", nullable: false),
                    Disabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    SeverelyDisabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    ExtremelyPoor = table.Column<bool>(type: "INTEGER", nullable: false),
                    CareMode = table.Column<int>(type: "INTEGER", nullable: false),
                    FacilityId = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ElderlyPersons", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ElderlyPersons_CareFacilities_FacilityId",
                        column: x => x.FacilityId,
                        principalTable: "CareFacilities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ElderlyPersons_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CareVisits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ElderlyPersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    DivisionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    VisitedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Visitor = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Mode = table.Column<int>(type: "INTEGER", nullable: false),
                    Findings = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    FollowUpNeeded = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CareVisits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CareVisits_ElderlyPersons_ElderlyPersonId",
                        column: x => x.ElderlyPersonId,
                        principalTable: "ElderlyPersons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CareFacilities_DivisionCode_Kind_Status",
                table: "CareFacilities",
                columns: new[] { "DivisionCode", "Kind", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_CareFacilities_Name",
                table: "CareFacilities",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_CaregiverTrainings_DivisionCode_HeldOn",
                table: "CaregiverTrainings",
                columns: new[] { "DivisionCode", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_CareVisits_DivisionCode_VisitedOn",
                table: "CareVisits",
                columns: new[] { "DivisionCode", "VisitedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_CareVisits_ElderlyPersonId",
                table: "CareVisits",
                column: "ElderlyPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_ElderlyPersons_DivisionCode",
                table: "ElderlyPersons",
                column: "DivisionCode");

            migrationBuilder.CreateIndex(
                name: "IX_ElderlyPersons_FacilityId",
                table: "ElderlyPersons",
                column: "FacilityId");

            migrationBuilder.CreateIndex(
                name: "IX_ElderlyPersons_PersonId",
                table: "ElderlyPersons",
                column: "PersonId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HighAgeAllowancePayments_Period_DivisionCode_Status",
                table: "HighAgeAllowancePayments",
                columns: new[] { "Period", "DivisionCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_HighAgeAllowancePayments_PersonId_Period",
                table: "HighAgeAllowancePayments",
                columns: new[] { "PersonId", "Period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HighAgeAllowanceStandards_MinAge_EffectiveFrom",
                table: "HighAgeAllowanceStandards",
                columns: new[] { "MinAge", "EffectiveFrom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HomeAdaptations_DivisionCode_CompletedOn",
                table: "HomeAdaptations",
                columns: new[] { "DivisionCode", "CompletedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_HomeAdaptations_PersonId",
                table: "HomeAdaptations",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_OpeningBalances_IndicatorCode_DivisionCode",
                table: "OpeningBalances",
                columns: new[] { "IndicatorCode", "DivisionCode" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaregiverTrainings");

            migrationBuilder.DropTable(
                name: "CareVisits");

            migrationBuilder.DropTable(
                name: "HighAgeAllowancePayments");

            migrationBuilder.DropTable(
                name: "HighAgeAllowanceStandards");

            migrationBuilder.DropTable(
                name: "HomeAdaptations");

            migrationBuilder.DropTable(
                name: "OpeningBalances");

            migrationBuilder.DropTable(
                name: "ElderlyPersons");

            migrationBuilder.DropTable(
                name: "CareFacilities");
        }
    }
}
