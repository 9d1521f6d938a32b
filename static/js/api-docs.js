// The API documentation page: Swagger UI (static/vendor/swagger-ui) rendering the project's
// OpenAPI document. A file of its own because the Content-Security-Policy allows no inline
// script; without JavaScript the page links the OpenAPI document.
(function () {
  "use strict";
  var root = document.getElementById("swagger-ui");
  if (!root || typeof window.SwaggerUIBundle !== "function") {
    return;
  }
  window.SwaggerUIBundle({
    url: root.getAttribute("data-openapi-url"),
    domNode: root,
    deepLinking: true,
    // No badge from validator.swagger.io: the page loads nothing from elsewhere.
    validatorUrl: null,
  });
})();
