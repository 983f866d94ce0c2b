<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout displayInfo=true; section>
<!-- template: gfmis-softtoken-approve.ftl -->
    <#if section = "header">
        ${msg("gfmisSoftTokenApproveTitle")}
    <#elseif section = "form">
        <form id="gfmis-softtoken-approve-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <p id="gfmis-softtoken-approve-instruction">${msg("gfmisSoftTokenApproveInstruction", gfmisClientName)}</p>
            <p style="text-align:center;font-size:3rem;font-weight:bold;letter-spacing:0.2em" id="gfmis-softtoken-number">${gfmisNumber?c}</p>
            <p id="gfmis-softtoken-waiting">${msg("gfmisSoftTokenApproveWaiting", gfmisSecondsLeft?c)}</p>
            <@buttons.actionGroup>
                <@buttons.button id="gfmis-softtoken-check" name="action" label="gfmisSoftTokenCheck" value="check" type="secondary"/>
            </@buttons.actionGroup>
            <script>
              (function () {
                var url = "${gfmisStatusUrl?js_string}";
                var form = document.getElementById("gfmis-softtoken-approve-form");
                var done = false;
                function poll() {
                  if (done) { return; }
                  fetch(url, {cache: "no-store", credentials: "omit"})
                    .then(function (r) { return r.ok ? r.json() : {ready: false}; })
                    .then(function (s) {
                      if (s.ready) { done = true; form.submit(); } else { setTimeout(poll, 1500); }
                    })
                    .catch(function () { setTimeout(poll, 3000); });
                }
                setTimeout(poll, 1500);
              })();
            </script>
        </form>
    <#elseif section = "info">
        <span class="${properties.kcLoginMainFooterHelperText!}">${msg("gfmisSoftTokenApproveInfo")}</span>
    </#if>
</@layout.registrationLayout>
