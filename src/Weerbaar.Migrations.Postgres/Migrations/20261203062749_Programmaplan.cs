using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Weerbaar.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Programmaplan : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PartnerAgreements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    GemeenteCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Partner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Subject = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Contact = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AgreedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReviewDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ActionNumbers = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnerAgreements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProgrammeActions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    GemeenteCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Pillar = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Phase = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    MeasureCode = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    GapKind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    GapReference = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    GapDescription = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    OwnerDepartment = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OwnerPerson = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    OwnerIsSocialDomain = table.Column<bool>(type: "boolean", nullable: false),
                    Raci = table.Column<string>(type: "text", nullable: false),
                    Partners = table.Column<string>(type: "text", nullable: false),
                    OneOffBudget = table.Column<decimal>(type: "numeric", nullable: false),
                    StructuralBudgetPerYear = table.Column<decimal>(type: "numeric", nullable: false),
                    FtePerMonth = table.Column<double>(type: "double precision", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    Dependencies = table.Column<string>(type: "text", nullable: false),
                    Milestones = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgrammeActions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProgrammeReviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    GemeenteCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Period = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Summary = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    SnapshotJson = table.Column<string>(type: "text", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgrammeReviews", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Programmes",
                columns: table => new
                {
                    GemeenteCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Regisseur = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    RegisseurDepartment = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DigestEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Background = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Goals = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Risks = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ReviewCycleMonths = table.Column<int>(type: "integer", nullable: false),
                    AvailableFte = table.Column<double>(type: "double precision", nullable: false),
                    Budget = table.Column<string>(type: "text", nullable: false),
                    LastDigestAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Programmes", x => x.GemeenteCode);
                });

            migrationBuilder.CreateTable(
                name: "ProgrammeActionUpdates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    GemeenteCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    ActionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Evidence = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgrammeActionUpdates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgrammeActionUpdates_ProgrammeActions_ActionId",
                        column: x => x.ActionId,
                        principalTable: "ProgrammeActions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PartnerAgreements_GemeenteCode_ReviewDate",
                table: "PartnerAgreements",
                columns: new[] { "GemeenteCode", "ReviewDate" });

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeActions_GemeenteCode_Deadline",
                table: "ProgrammeActions",
                columns: new[] { "GemeenteCode", "Deadline" });

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeActions_GemeenteCode_Number",
                table: "ProgrammeActions",
                columns: new[] { "GemeenteCode", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeActionUpdates_ActionId",
                table: "ProgrammeActionUpdates",
                column: "ActionId");

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeActionUpdates_GemeenteCode_ActionId_Date",
                table: "ProgrammeActionUpdates",
                columns: new[] { "GemeenteCode", "ActionId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeReviews_GemeenteCode_Number",
                table: "ProgrammeReviews",
                columns: new[] { "GemeenteCode", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PartnerAgreements");

            migrationBuilder.DropTable(
                name: "ProgrammeActionUpdates");

            migrationBuilder.DropTable(
                name: "ProgrammeReviews");

            migrationBuilder.DropTable(
                name: "Programmes");

            migrationBuilder.DropTable(
                name: "ProgrammeActions");
        }
    }
}
