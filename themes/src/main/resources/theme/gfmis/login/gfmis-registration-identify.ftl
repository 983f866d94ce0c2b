<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout displayInfo=true displayMessage=!messagesPerField.existsError('userId','citizenId','email','order'); section>
<!-- template: gfmis-registration-identify.ftl -->
    <#if section = "header">
        ${msg("gfmisRegistrationTitle")}
    <#elseif section = "form">
        <p id="gfmis-registration-instruction">${msg("gfmisRegistrationInstruction")}</p>
        <form id="gfmis-registration-identify-form" class="${properties.kcFormClass!}" action="${gfmisIdentify.action}" method="post"
              enctype="multipart/form-data" novalidate="novalidate"
              onsubmit="var f = this.querySelector('#order'), big = document.getElementById('gfmis-order-too-large');
                        if (f.files.length && f.files[0].size > 1048576) { big.hidden = false; f.setAttribute('aria-invalid', 'true'); f.focus(); return false; }
                        var b = this.querySelector('#gfmis-registration-next'); setTimeout(function () { b.disabled = true; }); return true;">
            <input type="hidden" name="ticket" value="${gfmisIdentify.ticket}"/>
            <@field.input name="userId" label=msg("gfmisUserId") value=(gfmisRegistration.userId)!'' autocomplete="username" autofocus=true />
            <@field.input name="citizenId" label=msg("gfmisCitizenId") value=(gfmisRegistration.citizenId)!'' autocomplete="off" />
            <@field.group name="order" label=msg("gfmisRegistrationOrder") error=messagesPerField.get('order')>
                <span class="${properties.kcInputClass} <#if messagesPerField.existsError('order')>${properties.kcError}</#if>">
                    <input id="order" name="order" type="file" accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
                           aria-describedby="gfmis-order-hint" aria-invalid="<#if messagesPerField.existsError('order')>true</#if>"/>
                </span>
                <p id="gfmis-order-hint" class="${properties.kcFormHelperTextClass!}">${msg("gfmisRegistrationOrderHint")}</p>
                <p id="gfmis-order-too-large" class="${properties.kcInputErrorMessageClass!}" role="alert" hidden>${msg("gfmisOrderTooLarge")}</p>
            </@field.group>
            <@field.input name="email" label=msg("gfmisEmail") value=(gfmisRegistration.email)!'' autocomplete="email" />
            <@buttons.actionGroup>
                <@buttons.button id="gfmis-registration-next" name="action" label="gfmisRegistrationNext" value="identify"/>
                <@buttons.buttonLink href=url.loginUrl label="backToLogin"/>
            </@buttons.actionGroup>
        </form>
    <#elseif section = "info">
        <span class="${properties.kcLoginMainFooterHelperText!}">${msg("gfmisRegistrationInfo")}</span>
    </#if>
</@layout.registrationLayout>
