package com.crmhub.crm.contact;

import com.crmhub.crm.shared.VersionedRecord;
import com.crmhub.crm.account.Account;
import com.crmhub.crm.audit.Audited;
import com.crmhub.crm.shared.ScopeAware;
import com.crmhub.crm.shared.ScopedRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * A person at an account. E-mail is stored lower-case and the mobile in E.164, and the chat identities are kept, so
 * that inbound mail and WeCom/DingTalk messages can be matched to the person. Visible to whoever sees the account.
 */
@Entity
@Table(name = "contact")
@Audited("contact")
public class Contact extends VersionedRecord implements ScopeAware {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "contact_seq")
    @SequenceGenerator(name = "contact_seq", sequenceName = "contact_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", nullable = false)
    private Account account;

    @Column(name = "name", nullable = false, length = 100)
    private String name;

    @Column(name = "title", length = 100)
    private String title;

    @Column(name = "email", length = 254)
    private String email;

    @Column(name = "mobile", length = 20)
    private String mobile;

    @Column(name = "wecom_external_userid", length = 64)
    private String wecomExternalUserId;

    @Column(name = "dingtalk_userid", length = 64)
    private String dingtalkUserId;

    @Column(name = "dingtalk_unionid", length = 64)
    private String dingtalkUnionId;

    protected Contact() {
    }

    public Contact(Account account, String name) {
        this.account = account;
        this.name = name;
    }

    @Override
    public ScopedRecord scopeRoot() {
        return account;
    }

    public Long getId() {
        return id;
    }

    public Account getAccount() {
        return account;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getMobile() {
        return mobile;
    }

    public void setMobile(String mobile) {
        this.mobile = mobile;
    }

    public String getWecomExternalUserId() {
        return wecomExternalUserId;
    }

    public void setWecomExternalUserId(String wecomExternalUserId) {
        this.wecomExternalUserId = wecomExternalUserId;
    }

    public String getDingtalkUserId() {
        return dingtalkUserId;
    }

    public void setDingtalkUserId(String dingtalkUserId) {
        this.dingtalkUserId = dingtalkUserId;
    }

    public String getDingtalkUnionId() {
        return dingtalkUnionId;
    }

    public void setDingtalkUnionId(String dingtalkUnionId) {
        this.dingtalkUnionId = dingtalkUnionId;
    }

}
