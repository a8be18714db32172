using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsroomCms.Web.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PublishedLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ArticleTags_TagId_ArticleId",
                table: "ArticleTags");

            migrationBuilder.DropIndex(
                name: "IX_ArticleAuthors_AuthorId_ArticleId",
                table: "ArticleAuthors");

            migrationBuilder.AddColumn<DateTime>(
                name: "PublishedAt",
                table: "ArticleTags",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "PublishedAt",
                table: "ArticleAuthors",
                type: "TEXT",
                nullable: true);

            // The publication time of every published article (Status 4) onto its links, before they are indexed.
            migrationBuilder.Sql("""
                UPDATE "ArticleTags" SET "PublishedAt" = a."PublishedAt" FROM "Articles" AS a WHERE a."Id" = "ArticleTags"."ArticleId" AND a."Status" = 4;
                """);
            migrationBuilder.Sql("""
                UPDATE "ArticleAuthors" SET "PublishedAt" = a."PublishedAt" FROM "Articles" AS a WHERE a."Id" = "ArticleAuthors"."ArticleId" AND a."Status" = 4;
                """);

            migrationBuilder.CreateIndex(
                name: "IX_ArticleTags_TagId_PublishedAt_ArticleId",
                table: "ArticleTags",
                columns: new[] { "TagId", "PublishedAt", "ArticleId" });

            migrationBuilder.CreateIndex(
                name: "IX_ArticleAuthors_AuthorId_PublishedAt_ArticleId",
                table: "ArticleAuthors",
                columns: new[] { "AuthorId", "PublishedAt", "ArticleId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ArticleTags_TagId_PublishedAt_ArticleId",
                table: "ArticleTags");

            migrationBuilder.DropIndex(
                name: "IX_ArticleAuthors_AuthorId_PublishedAt_ArticleId",
                table: "ArticleAuthors");

            migrationBuilder.DropColumn(
                name: "PublishedAt",
                table: "ArticleTags");

            migrationBuilder.DropColumn(
                name: "PublishedAt",
                table: "ArticleAuthors");

            migrationBuilder.CreateIndex(
                name: "IX_ArticleTags_TagId_ArticleId",
                table: "ArticleTags",
                columns: new[] { "TagId", "ArticleId" });

            migrationBuilder.CreateIndex(
                name: "IX_ArticleAuthors_AuthorId_ArticleId",
                table: "ArticleAuthors",
                columns: new[] { "AuthorId", "ArticleId" });
        }
    }
}
