// Ties each field's error message to the field, so that a screen reader reads the error when the
// field gets focus (WCAG 1.3.1, 3.3.1). keycloak.v2 marks the field aria-invalid and shows the
// message under it as #input-error-<field id>, but does not connect the two.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll('[aria-invalid="true"]').forEach(function (field) {
    var error = document.getElementById("input-error-" + field.id);
    if (error && !field.hasAttribute("aria-describedby")) {
      field.setAttribute("aria-describedby", error.id);
    }
  });
});
