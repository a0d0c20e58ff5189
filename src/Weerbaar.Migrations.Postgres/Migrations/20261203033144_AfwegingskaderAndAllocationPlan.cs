using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Weerbaar.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AfwegingskaderAndAllocationPlan : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AllocationPlans",
                columns: table => new
                {
                    GemeenteCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    SettingsJson = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AllocationPlans", x => x.GemeenteCode);
                });

            migrationBuilder.CreateTable(
                name: "DecisionRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    GemeenteCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    ScenarioCode = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    ScenarioName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Rationale = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    DecisionDate = table.Column<DateOnly>(type: "date", nullable: false),
                    PreparedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ApprovedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    InputsJson = table.Column<string>(type: "text", nullable: false),
                    CorrectsId = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DecisionRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DecisionRecords_DecisionRecords_CorrectsId",
                        column: x => x.CorrectsId,
                        principalTable: "DecisionRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OwnScenarios",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    GemeenteCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Code = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Pillars = table.Column<string>(type: "text", nullable: false),
                    VitalServices = table.Column<string>(type: "text", nullable: false),
                    TypicalDurationHours = table.Column<int>(type: "integer", nullable: false),
                    ScarceResources = table.Column<string>(type: "text", nullable: false),
                    BasedOnCode = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    BasedOnLibraryVersion = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OwnScenarios", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PriorityWeights",
                columns: table => new
                {
                    GemeenteCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    WeightsJson = table.Column<string>(type: "text", nullable: false),
                    PairwiseJson = table.Column<string>(type: "text", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PriorityWeights", x => x.GemeenteCode);
                });

            migrationBuilder.CreateTable(
                name: "RiskAssessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    GemeenteCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    ScenarioCode = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    MethodVersion = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Likelihood = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    Impacts = table.Column<string>(type: "text", nullable: false),
                    OwnPreparedness = table.Column<int>(type: "integer", nullable: true),
                    Rationale = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskAssessments", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DecisionRecords_CorrectsId",
                table: "DecisionRecords",
                column: "CorrectsId");

            migrationBuilder.CreateIndex(
                name: "IX_DecisionRecords_GemeenteCode_Number",
                table: "DecisionRecords",
                columns: new[] { "GemeenteCode", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OwnScenarios_GemeenteCode_Code",
                table: "OwnScenarios",
                columns: new[] { "GemeenteCode", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RiskAssessments_GemeenteCode_ScenarioCode",
                table: "RiskAssessments",
                columns: new[] { "GemeenteCode", "ScenarioCode" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AllocationPlans");

            migrationBuilder.DropTable(
                name: "DecisionRecords");

            migrationBuilder.DropTable(
                name: "OwnScenarios");

            migrationBuilder.DropTable(
                name: "PriorityWeights");

            migrationBuilder.DropTable(
                name: "RiskAssessments");
        }
    }
}
