package com.complaintdesk.complaint;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The categories and departments that process designers keep in processes/catalogue.yaml. The app reads it
 * once at start ({@code complaint-desk.catalogue.location}); tools without Spring read it with {@link #read(Path)}.
 */
public record Catalogue(List<Category> categories, List<Department> departments) {

  public static final String DEFAULT_LOCATION = "classpath:processes/catalogue.yaml";

  public Catalogue {
    categories = List.copyOf(categories);
    departments = List.copyOf(departments);
  }

  /** Reads and checks a catalogue file; {@link CatalogueInvalid} names the file and the entry that is wrong. */
  public static Catalogue read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the catalogue " + file, e);
    }
  }

  /** @param source where the text comes from, as messages about it should name it */
  public static Catalogue read(InputStream in, String source) {
    return new CatalogueFile(source).read(in);
  }

  /** What the public form offers and the JSON API accepts as a declared type, in the catalogue's order. */
  public List<Category> choosableCategories() {
    return categories.stream().filter(Category::choosable).toList();
  }

  public List<String> choosableCategoryIds() {
    return choosableCategories().stream().map(Category::id).toList();
  }

  public List<String> categoryIds() {
    return categories.stream().map(Category::id).toList();
  }

  public List<String> departmentIds() {
    return departments.stream().map(Department::id).toList();
  }

  public Optional<Category> category(String id) {
    return categories.stream().filter(category -> category.id().equals(id)).findFirst();
  }

  /** @throws IllegalArgumentException for a category the catalogue does not list */
  public Category requireCategory(String id) {
    return category(id).orElseThrow(() -> new IllegalArgumentException("'" + id + "' is not a category of the catalogue ("
        + String.join(", ", categoryIds()) + "): add it to processes/catalogue.yaml or fix the rule that gave it"));
  }

  public boolean isChoosable(String categoryId) {
    return category(categoryId).map(Category::choosable).orElse(false);
  }

  /** The category's label; the id itself for a category the catalogue no longer lists. */
  public String label(String categoryId, Locale locale) {
    return category(categoryId).map(category -> category.label(locale)).orElse(categoryId);
  }

  /** @throws IllegalArgumentException for a department the catalogue does not list */
  public Department requireDepartment(String id) {
    return departments.stream().filter(department -> department.id().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("'" + id + "' is not a department of the catalogue ("
            + String.join(", ", departmentIds()) + "): add it to processes/catalogue.yaml or fix the rule that gave it"));
  }

}
