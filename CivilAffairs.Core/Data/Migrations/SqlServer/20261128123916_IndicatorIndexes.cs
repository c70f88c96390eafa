using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivilAffairs.Core.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class IndicatorIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CareFacilities_DivisionCode_Kind_Status",
                table: "CareFacilities");

            migrationBuilder.CreateIndex(
                name: "IX_CareFacilities_DivisionCode_Kind_Status_Indicators",
                table: "CareFacilities",
                columns: new[] { "DivisionCode", "Kind", "Status", "OpenedOn", "HasMedicalService", "LivelihoodProjectYear", "TotalBeds", "NursingBeds", "InvestmentYear", "Investment" });

            migrationBuilder.CreateIndex(
                name: "IX_AllowanceMonthlyTotals_DivisionCode_Period_Payments_PaidAmount",
                table: "AllowanceMonthlyTotals",
                columns: new[] { "DivisionCode", "Period", "Payments", "PaidAmount" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CareFacilities_DivisionCode_Kind_Status_Indicators",
                table: "CareFacilities");

            migrationBuilder.DropIndex(
                name: "IX_AllowanceMonthlyTotals_DivisionCode_Period_Payments_PaidAmount",
                table: "AllowanceMonthlyTotals");

            migrationBuilder.CreateIndex(
                name: "IX_CareFacilities_DivisionCode_Kind_Status",
                table: "CareFacilities",
                columns: new[] { "DivisionCode", "Kind", "Status" });
        }
    }
}
