package com.crmhub.connectors.erp.simulator;

import com.crmhub.connectors.erp.generated.salesorders.CancelSalesOrder;
import com.crmhub.connectors.erp.generated.salesorders.CancelSalesOrderResponse;
import com.crmhub.connectors.erp.generated.salesorders.CheckAvailability;
import com.crmhub.connectors.erp.generated.salesorders.CheckAvailabilityResponse;
import com.crmhub.connectors.erp.generated.salesorders.CreateSalesOrder;
import com.crmhub.connectors.erp.generated.salesorders.CreateSalesOrderResponse;
import com.crmhub.connectors.erp.generated.salesorders.DuplicateOrderFault;
import com.crmhub.connectors.erp.generated.salesorders.GetSalesOrder;
import com.crmhub.connectors.erp.generated.salesorders.GetSalesOrderResponse;
import com.crmhub.connectors.erp.generated.salesorders.OrderNotFoundFault;
import com.crmhub.connectors.erp.generated.salesorders.SalesOrderPort;
import com.crmhub.connectors.erp.generated.salesorders.ValidationFault;
import jakarta.jws.WebService;

/** The simulated ERP's SalesOrderPort, served from the contract's own WSDL. */
@WebService(endpointInterface = "com.crmhub.connectors.erp.generated.salesorders.SalesOrderPort",
        targetNamespace = "urn:erp:sales-orders:v1", serviceName = "ErpSalesOrderService",
        portName = "SalesOrderPort", wsdlLocation = "classpath:wsdl/erp-sales-orders.wsdl")
class SimulatedSalesOrderPort implements SalesOrderPort {

    private final ErpSimulator simulator;

    SimulatedSalesOrderPort(ErpSimulator simulator) {
        this.simulator = simulator;
    }

    @Override
    public CreateSalesOrderResponse createSalesOrder(CreateSalesOrder parameters)
            throws DuplicateOrderFault, ValidationFault {
        return simulator.create(parameters);
    }

    @Override
    public CheckAvailabilityResponse checkAvailability(CheckAvailability parameters) throws ValidationFault {
        return simulator.erp().availability(parameters);
    }

    @Override
    public GetSalesOrderResponse getSalesOrder(GetSalesOrder parameters) throws OrderNotFoundFault {
        return simulator.erp().get(parameters);
    }

    @Override
    public CancelSalesOrderResponse cancelSalesOrder(CancelSalesOrder parameters)
            throws OrderNotFoundFault, ValidationFault {
        return simulator.erp().cancel(parameters);
    }
}
